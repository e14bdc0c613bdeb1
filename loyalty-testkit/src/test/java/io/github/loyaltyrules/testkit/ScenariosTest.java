package io.github.loyaltyrules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.LoyaltyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Running scenario files: passing, failing with every mismatch, strict reading, refusals. */
class ScenariosTest {
  @TempDir
  Path dir;

  /** A new member (M1) buys one top at 100.00 on Monday 4 May 2026 at 10:00 in Shanghai. */
  private static final String SALE = """
      { "id": "T1", "kind": "SALE", "time": "2026-05-04T10:00", "storeId": "S01",
        "lines": [ { "sku": "TOP-1", "category": "TOPS", "quantity": 1,
                     "listPrice": "100.00", "unitPrice": "100.00" } ] }""";

  private Path write(String name, String json) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** M1 agreed to messages and is served by associate A07, so sales are followed up. */
  private static final String CONSENTING = """
      { "profile": { "id": "M1", "associateId": "A07", "consent": { "MESSAGING": true } },
        "history": [] }""";

  private static String scenario(String name, String expect) {
    return "{ \"name\": \"" + name + "\", \"programme\": \"default\",\n  \"state\": "
        + CONSENTING + ",\n  \"transaction\": " + SALE + ",\n  \"expect\": " + expect + " }";
  }

  // ---------------------------------------------------------------- passing and failing

  @Test
  void aScenarioWhoseExpectationsAllHoldPasses() {
    Path file = write("first-sale.json", scenario("a first sale earns a point per yuan", """
        { "lines": [ { "paid": "100.00" } ], "total": 100,
          "points": { "earned": 100, "available": 0, "pending": 100 },
          "tier": "POINTS",
          "followUps": [ { "kind": "THANK_YOU", "due": "2026-05-07", "from": "10:00", "to": "20:00" },
                         { "kind": "REVISIT", "due": "2026-06-03", "to": "12:00" } ],
          "noFollowUps": [ "TIER_CONGRATULATIONS" ],
          "firedRules": [ "Points: a sale earns points on what was paid" ],
          "notFiredRules": [ "Tier: qualifying spend moves the member up at once" ] }"""));

    List<ScenarioResult> results = Scenarios.run(file);

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.passed()).isTrue();
      assertThat(r.mismatches()).isEmpty();
      assertThat(r.displayName()).isEqualTo("first-sale.json: a first sale earns a point per yuan");
      assertThat(r.report())
          .isEqualTo("first-sale.json: a first sale earns a point per yuan: passed");
    });
  }

  @Test
  void aFailingScenarioListsEveryMismatchWithItsPathExpectedAndActual() {
    Path file = write("wrong.json", scenario("wrong figures", """
        { "lines": [ { "paid": "90.00" } ], "total": "100.00",
          "points": { "earned": 90, "pending": 100 },
          "tier": "SILVER",
          "followUps": [ { "kind": "THANK_YOU", "due": "2026-05-08" },
                         { "kind": "BIRTHDAY" } ],
          "firedRules": [ "Acme: no such rule" ] }"""));

    ScenarioResult result = Scenarios.run(file).get(0);

    assertThat(result.passed()).isFalse();
    assertThat(result.mismatches()).containsExactly(
        new Mismatch("$.expect.lines[0].paid", "90.00", "100.00"),
        new Mismatch("$.expect.points.earned", "90", "100"),
        new Mismatch("$.expect.tier", "SILVER", "POINTS"),
        new Mismatch("$.expect.followUps[0].due", "2026-05-08", "2026-05-07"),
        new Mismatch("$.expect.followUps[1].kind", "BIRTHDAY", "no BIRTHDAY scheduled"
            + " (scheduled: THANK_YOU due 2026-05-07 10:00-20:00 by A07, CARE due 2026-05-11"
            + " 10:00-20:00 by A07, INVITE_BACK due 2026-05-19 10:00-20:00 by A07, REVISIT due"
            + " 2026-06-03 10:00-12:00 by A07)"),
        new Mismatch("$.expect.firedRules[0]", "'Acme: no such rule' fired",
            result.mismatches().get(5).actual()));
    assertThat(result.mismatches().get(5).actual())
        .startsWith("it did not; fired: ")
        .contains("'Points: a sale earns points on what was paid'");
    assertThat(result.report()).startsWith("""
        wrong.json: wrong figures: 6 mismatches
          $.expect.lines[0].paid: expected 90.00, actual 100.00
          $.expect.points.earned: expected 90, actual 100
          $.expect.tier: expected SILVER, actual POINTS
          $.expect.followUps[0].due: expected 2026-05-08, actual 2026-05-07
        """);
  }

  @Test
  void aFollowUpThatWasDroppedSaysWhy() {
    Path file = write("dropped.json", """
        { "name": "no consent", "transaction": %s,
          "expect": { "followUps": [ { "kind": "THANK_YOU" } ] } }""".formatted(SALE));

    assertThat(Scenarios.run(file).get(0).mismatches()).containsExactly(new Mismatch(
        "$.expect.followUps[0].kind", "THANK_YOU", "no THANK_YOU scheduled (dropped: day 3 after"
            + " sale T1; not made: the member has not agreed to be contacted on [MESSAGING,"
            + " PHONE]; scheduled: nothing)"));
  }

  @Test
  void aFailingScenarioFailsItsDynamicTestWithTheReport() {
    write("scenarios/a.json", scenario("right", "{ \"total\": \"100.00\" }"));
    write("scenarios/b.json", "[" + scenario("first", "{ \"total\": \"100.00\" }") + ",\n"
        + scenario("second", "{ \"lines\": [ {}, { \"paid\": 5 } ], \"total\": \"99.99\" }")
        + "]");

    List<DynamicTest> tests = Scenarios.in(dir.resolve("scenarios")).toList();

    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .containsExactly("a.json: right", "b.json: first", "b.json: second");
    assertThat(tests).allSatisfy(t -> assertThat(t.getTestSourceUri())
        .as("a file source would make surefire's -Dtest filter drop the tests").isEmpty());
    assertThatNoException(tests.get(0));
    assertThatNoException(tests.get(1));
    assertThatThrownBy(() -> tests.get(2).getExecutable().execute())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("""
            b.json: second: 2 mismatches
              $[1].expect.lines[1].paid: expected 5, actual no line 1 (the sale has 1 line,\
             counted from 0)
              $[1].expect.total: expected 99.99, actual 100.00""");
  }

  private static void assertThatNoException(DynamicTest test) {
    try {
      test.getExecutable().execute();
    } catch (Throwable t) {
      throw new AssertionError(test.getDisplayName() + " failed: " + t.getMessage(), t);
    }
  }

  // ---------------------------------------------------------------- state, rules, assessments

  /**
   * 2,000.00 as a points member, then 3,200.00 at the ordinary rate of 95 % (3,040.00): 5,040.00
   * in the quarter is silver. Their 5,040 points are available by 4 May, and 3,000 of them
   * became a voucher.
   */
  @Test
  void aHistoryIsEvaluatedInOrderFromANewMemberBeforeTheTransaction() {
    Path file = write("history.json", """
        { "name": "silver after 5,040.00 in the quarter",
          "state": { "profile": { "id": "C9" }, "history": [
            { "id": "H1", "kind": "SALE", "time": "2026-04-02T10:00", "lines": [
              { "sku": "A", "category": "TOPS", "quantity": 1, "listPrice": 2000, "unitPrice": 2000 } ] },
            { "id": "H2", "kind": "SALE", "time": "2026-04-03T02:00:00Z", "lines": [
              { "sku": "B", "category": "TOPS", "quantity": 1,
                "listPrice": { "amount": "3200.00", "currency": "CNY" },
                "unitPrice": { "amount": "3200.00", "currency": "CNY" } } ] } ] },
          "transaction": %s,
          "expect": { "tier": "SILVER", "lines": [ { "paid": "92.00" } ],
                      "points": { "earned": 92, "pending": 92, "available": 2040 } } }"""
        .formatted(SALE));

    assertThat(Scenarios.run(file)).singleElement()
        .satisfies(r -> assertThat(r.report()).endsWith(": passed"));
  }

  @Test
  void aStoredMemberStateIsReadAsTheLibraryWritesIt() {
    Path stored = write("stored.json", """
        { "name": "a stored state", "state": { "schemaVersion": 3, "profile": { "id": "C7" } },
          "transaction": %s, "expect": { "tier": "POINTS" } }""".formatted(SALE));
    Path typo = write("typo.json", """
        { "name": "a typo in a stored state",
          "state": { "profile": { "id": "C7" }, "cardd": null },
          "transaction": %s, "expect": { "tier": "POINTS" } }""".formatted(SALE));

    assertThat(Scenarios.run(stored).get(0).passed()).isTrue();
    assertThatThrownBy(() -> Scenarios.run(typo)).isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith(typo + ": $.state.cardd is not a known field; expected one of [")
        .hasMessageContaining("card").hasMessageContaining("monthlySpend");
  }

  @Test
  void aRuleFileRelativeToTheScenarioRunsWithTheDefaultPackOrAlone() {
    write("rules/card.drl", """
        package com.example.test;
        import io.github.loyaltyrules.rules.facts.*;
        import io.github.loyaltyrules.rules.decisions.*;
        import io.github.loyaltyrules.model.CardOrigin;
        rule "Test: every visitor gets a card"
            ruleflow-group "cards"
        when
            Member( cardHolder == false )
        then
            insert(new IssueCard(CardOrigin.MANUAL));
        end
        """);
    write("rules/double.drl", """
        package com.example.test;
        import io.github.loyaltyrules.rules.facts.*;
        import io.github.loyaltyrules.rules.decisions.*;
        rule "Test: everything earns double"
            ruleflow-group "points"
        when
            $l : PaidLine()
        then
            insert(PointsFactor.of($l, "double", 2));
        end
        """);
    write("scenarios/double.json", """
        [ { "name": "with the pack", "rules": [ "../rules/double.drl" ],
            "transaction": %1$s,
            "expect": { "points": { "earned": 200 },
                        "firedRules": [ "Test: everything earns double" ] } },
          { "name": "alone", "rules": { "files": [ "../rules/card.drl" ], "defaultPack": false },
            "transaction": %1$s,
            "expect": { "tier": "POINTS", "points": { "earned": 0, "pending": 0 },
                        "firedRules": [ "Test: every visitor gets a card" ],
                        "notFiredRules": [ "Points: a sale earns points on what was paid" ] } } ]
        """.formatted(SALE));

    assertThat(Scenarios.run(dir.resolve("scenarios"))).extracting(ScenarioResult::report)
        .containsExactly("double.json: with the pack: passed", "double.json: alone: passed");
  }

  @Test
  void anAssessmentOnADateIsChecked() {
    Path file = write("birthday.json", """
        { "name": "greeted on the birthday",
          "state": { "profile": { "id": "M1", "birthDate": "1990-05-14", "associateId": "A07",
                                  "consent": { "MESSAGING": true } },
                     "history": [ %s ] },
          "assess": "2026-05-08",
          "expect": { "followUps": [ { "kind": "BIRTHDAY", "due": "2026-05-14",
                                       "associate": "A07" } ] } }""".formatted(SALE));

    assertThat(Scenarios.run(file).get(0).report())
        .isEqualTo("birthday.json: greeted on the birthday: passed");
  }

  // ---------------------------------------------------------------- refusals

  private static final String RECHARGED_100 = """
      { "history": [ { "id": "R1", "kind": "RECHARGE", "time": "2026-05-04T10:00",
                       "recharge": "100.00" } ] }""";

  private static final String PAID_MORE_THAN_THE_BALANCE = """
      { "id": "T1", "kind": "SALE", "time": "2026-05-05T10:00",
        "lines": [ { "sku": "A", "category": "TOPS", "quantity": 1,
                     "listPrice": "500.00", "unitPrice": "500.00" } ],
        "tenders": [ { "kind": "STORED_VALUE", "amount": "100.01" },
                     { "kind": "CASH", "amount": "399.99" } ] }""";

  @Test
  void aRefusalIsExpectedByTextItsMessageContains() {
    Path file = write("refusal.json", """
        [ { "name": "short", "state": %1$s, "transaction": %2$s,
            "expect": { "refused": "but the balance is 100.00 CNY" } },
          { "name": "other text", "state": %1$s, "transaction": %2$s,
            "expect": { "refused": "points are short" } },
          { "name": "not refused", "transaction": %3$s,
            "expect": { "refused": "short" } },
          { "name": "unexpected", "state": %1$s, "transaction": %2$s,
            "expect": { "tier": "POINTS" } } ]""".formatted(RECHARGED_100,
        PAID_MORE_THAN_THE_BALANCE, SALE));
    String refusal = "refused: member M1 pays 100.01 CNY with stored value but the balance is"
        + " 100.00 CNY; take the rest in another tender (rule 'Stored value: paying with stored"
        + " value takes it from the balance, a refund puts it back')";

    List<ScenarioResult> results = Scenarios.run(file);

    assertThat(results.get(0).passed()).isTrue();
    assertThat(results.get(1).mismatches()).containsExactly(new Mismatch("$[1].expect.refused",
        "refused with a message containing \"points are short\"", refusal));
    assertThat(results.get(2).mismatches()).containsExactly(new Mismatch("$[2].expect.refused",
        "refused with a message containing \"short\"", "not refused"));
    assertThat(results.get(3).mismatches()).containsExactly(new Mismatch("$[3].transaction",
        "an outcome", refusal));
  }

  @Test
  void aRefusalCannotBeExpectedWithAnythingElse() {
    Path file = write("both.json", scenario("both", """
        { "refused": "short", "tier": "POINTS" }"""));

    assertThatThrownBy(() -> Scenarios.run(file)).isInstanceOf(InvalidJsonException.class)
        .hasMessage(file + ": $.expect.refused cannot be combined with other expectations:"
            + " a refused transaction changes nothing, so there is nothing else to compare");
  }

  // ---------------------------------------------------------------- strict reading

  @Test
  void anUnknownFieldOfExpectIsRefusedWithItsPath() {
    Path file = write("typo.json", scenario("typo", "{ \"totl\": \"100.00\" }"));

    assertThatThrownBy(() -> Scenarios.run(file)).isInstanceOf(InvalidJsonException.class)
        .hasMessage(file + ": $.expect.totl is not a known field; expected one of [firedRules,"
            + " followUps, lines, noFollowUps, notFiredRules, points, refused, tier, total]")
        .extracting(e -> ((InvalidJsonException) e).path()).isEqualTo("$.expect.totl");
  }

  @Test
  void anUnknownFieldAnywhereIsRefusedWithItsPath() {
    Path root = write("root.json", "[" + scenario("fine", "{ \"total\": 100 }") + ", { \"name\":"
        + " \"x\", \"asess\": \"2026-05-04\" } ]");
    Path line = write("line.json", scenario("line", "{ \"lines\": [ { \"payd\": 100 } ] }"));
    Path followUp = write("follow-up.json", scenario("follow-up",
        "{ \"followUps\": [ { \"kind\": \"CARE\", \"day\": \"2026-05-11\" } ] }"));
    Path transaction = write("transaction.json", scenario("transaction", "{ \"total\": 100 }")
        .replace("\"sku\": \"TOP-1\"", "\"skuu\": \"TOP-1\""));

    assertThatThrownBy(() -> Scenarios.run(root)).hasMessage(root + ": $[1].asess is not a"
        + " known field; expected one of [assess, expect, name, note, programme, rules, state,"
        + " transaction]");
    assertThatThrownBy(() -> Scenarios.run(line)).hasMessage(line + ": $.expect.lines[0].payd"
        + " is not a known field; expected one of [paid]");
    assertThatThrownBy(() -> Scenarios.run(followUp)).hasMessage(followUp
        + ": $.expect.followUps[0].day is not a known field; expected one of [associate, due,"
        + " from, kind, to]");
    assertThatThrownBy(() -> Scenarios.run(transaction)).isInstanceOf(InvalidJsonException.class)
        .hasMessage(transaction + ": $.transaction.lines[0].skuu is not a known field; expected"
            + " one of [category, listPrice, quantity, sku, tags, unitPrice]");
  }

  @Test
  void aScenarioMustSayWhatHappensAndWhatIsExpected() {
    Path nothing = write("nothing.json", scenario("nothing", "{ \"lines\": [ {} ] }"));
    Path neither = write("neither.json", "{ \"name\": \"idle\", \"expect\": { \"tier\": \"X\" } }");
    Path wrongType = write("wrong-type.json", scenario("wrong type", "{ \"total\": true }"));

    assertThatThrownBy(() -> Scenarios.run(nothing)).hasMessage(nothing + ": $.expect states"
        + " nothing to compare; expect at least one of [firedRules, followUps, lines,"
        + " noFollowUps, notFiredRules, points, refused, tier, total]");
    assertThatThrownBy(() -> Scenarios.run(neither)).hasMessage(neither + ": $ has neither a"
        + " transaction nor an assess date: say what happens");
    assertThatThrownBy(() -> Scenarios.run(wrongType)).hasMessage(wrongType + ": $.expect.total"
        + " has the wrong type: expected a decimal number such as \"12.30\"");
  }

  @Test
  void twoScenariosOfAFileCannotShareAName() {
    Path file = write("twins.json", "[" + scenario("twin", "{ \"total\": 100 }") + ", "
        + scenario("twin", "{ \"total\": 100 }") + "]");

    assertThatThrownBy(() -> Scenarios.run(file)).hasMessage(file + ": $[1].name = 'twin': the"
        + " scenario at $[0] has the same name; names must be unique within a file");
  }

  // ---------------------------------------------------------------- missing files

  @Test
  void aMissingScenarioFileOrFolderIsNamed() {
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> Scenarios.run(missing)).isExactlyInstanceOf(LoyaltyException.class)
        .hasMessage("no scenario file or folder at " + missing);
    assertThatThrownBy(() -> Scenarios.in(dir.resolve("nowhere")))
        .isExactlyInstanceOf(LoyaltyException.class)
        .hasMessage("no scenario folder at " + dir.resolve("nowhere"));
    assertThatThrownBy(() -> Scenarios.run(dir)).isExactlyInstanceOf(LoyaltyException.class)
        .hasMessage("no scenario files (*.json) in " + dir);
  }

  @Test
  void aMissingRuleOrProgrammeFileIsNamedWithItsPath() {
    Path rules = write("scenarios/rules.json", scenario("rules", "{ \"total\": 100 }")
        .replace("\"programme\": \"default\"", "\"rules\": [ \"../rules/none.drl\" ]"));
    Path programme = write("scenarios/programme.json", scenario("programme", "{ \"total\": 100 }")
        .replace("\"default\"", "\"acme.json\""));

    assertThatThrownBy(() -> Scenarios.run(rules)).isInstanceOf(InvalidJsonException.class)
        .hasMessage(rules + ": $.rules[0] = '../rules/none.drl': no rule file at "
            + dir.resolve("rules/none.drl") + " (paths are relative to the scenario file)");
    assertThatThrownBy(() -> Scenarios.run(programme)).isInstanceOf(InvalidJsonException.class)
        .hasMessage(programme + ": $.programme = 'acme.json': no programme file at "
            + dir.resolve("scenarios/acme.json") + " (paths are relative to the scenario file)");
  }

  @Test
  void aFileThatCannotBeReadBecomesOneFailingTestAndTheOthersStillRun() {
    write("scenarios/good.json", scenario("good", "{ \"total\": 100 }"));
    Path bad = write("scenarios/bad.json", scenario("bad", "{ \"totl\": 100 }"));

    List<DynamicTest> tests = Scenarios.in(dir.resolve("scenarios")).toList();

    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .containsExactly("bad.json", "good.json: good");
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith(bad + ": $.expect.totl is not a known field");
    assertThatNoException(tests.get(1));
  }
}
