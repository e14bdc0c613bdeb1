package io.github.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.RuleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule files checked without an engine: each kind of problem, its position and its words. */
class RuleValidatorTest {
  private static final String HEAD = """
      package com.example.store;

      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;

      """;

  private static RuleReport check(String body) {
    return RuleValidator.alone().validate(RuleSource.of("store.drl", HEAD + body));
  }

  private static List<String> lines(RuleReport report) {
    return report.problems().stream().map(RuleProblem::toString).toList();
  }

  @Test
  void aMissingClosingBracketIsReportedWhereTheBracketWasOpened() {
    RuleReport report = check("""
        rule "Gold earns no points"
            ruleflow-group "points"
        when
            Member( tierRank >= 2
            $l : PaidLine()
        then
            insert(NoPoints.of($l, "gold"));
        end
        """);

    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(9);
      assertThat(p.column()).isEqualTo(11);
      assertThat(p.rule()).isEqualTo("Gold earns no points");
    });
    assertThat(lines(report)).containsExactly("store.drl:9:11: rule 'Gold earns no points':"
        + " the `(` opened here is not closed (the file goes on at line 10 as if it were);"
        + " add `)` where the condition ends");
  }

  @Test
  void anUnknownFieldIsReportedAtItsOwnColumnWithTheNearestName() {
    RuleReport report = check("""
        rule "Cosmetics"
            ruleflow-group "pricing"
        when
            $l : SaleLine( quantity > 0, categry == "COSMETICS" )
        then
            insert(NoMemberRate.of($l, "cosmetics carry no member rate"));
        end
        """);

    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("store.drl:9:34");
      assertThat(p.message()).isEqualTo("`categry` is not a field of SaleLine");
      assertThat(p.fix()).startsWith("did you mean `category`? The fields of SaleLine are ")
          .contains("listPrice").contains("sku");
    });
  }

  @Test
  void aFieldThatIsAPathOneLevelDownIsSuggestedAsThatPath() {
    RuleReport report = check("""
        rule "Gold by name"
        when
            Member( tierName == "Gold" )
        then
        end
        """);

    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("store.drl:8:13");
      assertThat(p.fix()).startsWith("did you mean `tier.name`?");
    });
  }

  @Test
  void aComparisonOfTypesThatNeverMeetSaysWhichTypesMeet() {
    RuleReport report = check("""
        rule "Mixed up"
        when
            Member( tier == "GOLD", nearNextTier == 1, windowSpend >= 1000 )
            SaleLine( category == 3 )
        then
        end
        """);

    assertThat(lines(report)).containsExactly(
        "store.drl:8:13: rule 'Mixed up': compares tier, a Tier, with the text \"GOLD\", so the"
            + " condition can never hold; compare tier.code == \"GOLD\"",
        "store.drl:8:29: rule 'Mixed up': compares nearNextTier, a yes/no flag, with the number"
            + " 1: the two types do not meet; write the flag alone for yes (nearNextTier) or"
            + " nearNextTier == false for no",
        "store.drl:8:48: rule 'Mixed up': compares windowSpend, a Money, with the number 1000:"
            + " the two types do not meet; compare its amount: windowSpend.amount >= 1000",
        "store.drl:9:15: rule 'Mixed up': compares category, a text, with the number 3: the two"
            + " types do not meet; write the text in quotes: category == \"3\"");
  }

  @Test
  void anUnknownDecisionAndAnUnknownMethodListWhatExists() {
    RuleReport report = check("""
        rule "Typos"
            ruleflow-group "points"
        when
            $l : PaidLine()
        then
            insert(NoPointz.of($l, "x"));
            insert(NoPoints.off($l, "x"));
        end
        """);

    assertThat(report.errors()).hasSize(2);
    assertThat(report.errors().get(0)).satisfies(p -> {
      assertThat(p.location()).isEqualTo("store.drl:11:12");
      assertThat(p.message()).isEqualTo("`NoPointz` is not a fact, decision or type the rules"
          + " know");
      assertThat(p.fix()).startsWith("did you mean `NoPoints`? The decisions are"
          + " BasketAmountOff, ChargeCardFee, ClearMark, CountMark, CountSpend,");
    });
    assertThat(report.errors().get(1)).satisfies(p -> {
      assertThat(p.location()).isEqualTo("store.drl:12:21");
      assertThat(p.message()).isEqualTo("NoPoints has no method `off(PaidLine, String)`");
      assertThat(p.fix()).isEqualTo("did you mean `of`? Its methods are of(PaidLine, String)");
    });
  }

  @Test
  void aDecisionGivenTheWrongFactSaysWhichFactItTakes() {
    RuleReport report = check("""
        rule "Pricing line in points"
            ruleflow-group "points"
        when
            $l : SaleLine()
        then
            insert(NoPoints.of($l, "x"));
        end
        """);

    assertThat(lines(report)).containsExactly("store.drl:11:21: rule 'Pricing line in points':"
        + " NoPoints.of takes (PaidLine, String), but the rule gives (SaleLine, String); points"
        + " decisions are about what a line paid: match $l : PaidLine() in ruleflow-group"
        + " \"points\"");
  }

  @Test
  void aPhaseThatDoesNotExistIsAnErrorThatTheRuleWouldNeverFire() {
    RuleReport report = check("""
        rule "Misspelt phase"
            ruleflow-group "pricng"
        when
            $l : SaleLine()
        then
            insert(NoMemberRate.of($l, "x"));
        end
        """);

    assertThat(report.ok()).isFalse();
    assertThat(lines(report)).containsExactly("store.drl:7:20: rule 'Misspelt phase':"
        + " \"pricng\" is not a phase, so the rule would never fire; did you mean \"pricing\"?"
        + " The phases are reviews, cards, pricing, points, tiers, classification, follow-ups");
  }

  @Test
  void aDecisionMadeAfterItsSettlementIsAnErrorNamingThePhase() {
    RuleReport report = check("""
        rule "Rate too late"
            ruleflow-group "tiers"
        when
            $l : SaleLine()
        then
            insert(NoMemberRate.of($l, "x"));
        end
        """);

    assertThat(report.ok()).isFalse();
    assertThat(lines(report)).containsExactly("store.drl:11:12: rule 'Rate too late':"
        + " decides NoMemberRate in phase \"tiers\", but NoMemberRate is settled in"
        + " \"pricing\", which runs before: every evaluation in which the rule fired would fail;"
        + " put the rule in ruleflow-group \"pricing\"");
  }

  @Test
  void aRuleNameUsedTwiceIsAnErrorInOnePackageAndAWarningAcrossPackages() {
    String rule = """
        rule "Twice"
        when
            Member()
        then
        end
        """;
    RuleReport same = check(rule + rule);
    RuleReport across = RuleValidator.alone().validate(RuleSource.of("a.drl", HEAD + rule),
        RuleSource.of("b.drl", HEAD.replace("com.example.store", "com.example.other") + rule));

    assertThat(lines(same)).containsExactly("store.drl:11: rule 'Twice': the rule name is used"
        + " twice in this package; outcomes name the rule that decided, so names must be"
        + " unique; rename one of them");
    assertThat(across.ok()).isTrue();
    assertThat(lines(across)).containsExactly("b.drl:6:1: warning: rule 'Twice': the rule name"
        + " is also used at a.drl:6 (package com.example.store); outcomes name the rule that"
        + " decided by its name alone, so the two cannot be told apart; rename one of them");
  }

  @Test
  void everyProblemOfEveryFileIsReportedAtOnceInFileAndLineOrder() {
    RuleReport report = RuleValidator.alone().validate(
        RuleSource.of("one.drl", HEAD + """
            rule "One"
            when
                Member( tierz > 1, cardHoldr )
            then
            end
            """),
        RuleSource.of("two.drl", HEAD.replace("store", "other") + """
            rule "Two"
            when
                SaleLine( skuu == "X" )
            then
            end
            """));

    assertThat(report.errors()).extracting(RuleProblem::location)
        .containsExactly("one.drl:8:13", "one.drl:8:24", "two.drl:8:15");
  }

  @Test
  void theDefaultPackAndTheCookbookValidateWithoutAProblem() {
    assertThat(RuleValidator.withDefaultRules().validate().problems()).isEmpty();
  }

  @Test
  void theEngineBuildRefusesWhatTheValidatorRefusesWithTheSameProblems() {
    String body = """
        rule "Broken"
        when
            Member( tierz > 1 )
        then
        end
        """;
    RuleReport report = check(body);

    assertThatThrownBy(() -> LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .withoutDefaultRules().rules(RuleSource.of("store.drl", HEAD + body)).build())
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.details()).isEqualTo(report.problems());
          assertThat(e.getMessage()).contains("store.drl:8:13: rule 'Broken': `tierz` is not a"
              + " field of Member");
        });
  }

  @Test
  void theEngineRefusesAPhaseThatDoesNotExistAndALateDecisionBeforeAnySale() {
    assertThatThrownBy(() -> LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .rules(RuleSource.of("store.drl", HEAD + """
            rule "Rate too late"
                ruleflow-group "tiers"
            when
                $l : SaleLine()
            then
                insert(NoMemberRate.of($l, "x"));
            end
            """)).build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("store.drl:11:12: rule 'Rate too late': decides NoMemberRate in"
            + " phase \"tiers\"");
  }

  @Test
  void aWrongConstructorListsTheConstructorsAndTheValuesOfTheirEnums() {
    assertThat(lines(check("""
        rule "Keep"
            ruleflow-group "reviews"
        when
            TierReview()
        then
            insert(new KeepTier("staff"));
        end
        """))).containsExactly("store.drl:11:16: rule 'Keep': KeepTier cannot be made with `new"
        + " KeepTier(String)`; use new KeepTier(KeepTier.Why); KeepTier.Why is one of"
        + " KeepTier.Why.RETENTION_MET, KeepTier.Why.MANUAL_FLOOR, KeepTier.Why.RETAILER_POLICY");
  }

  @Test
  void aLibraryTypeNotImportedSuggestsItsOwnImportNotOneTheFileHas() {
    assertThat(lines(check("""
        rule "Big sale"
        when
            $t : Transaction( id == "T1" )
        then
            Transaction t = $t;
        end
        """))).containsExactly("store.drl:8:10: rule 'Big sale': `Transaction` is not imported;"
        + " add import io.github.loyaltyrules.model.Transaction;");
  }

  @Test
  void aRankComparedWithATierCodeSaysToCompareWithTheTiersRank() {
    assertThat(lines(check("""
        rule "Gold and above"
        when
            Member( tierRank >= "GOLD" )
        then
        end
        """))).containsExactly("store.drl:8:13: rule 'Gold and above': compares tierRank, a"
        + " number, with the text \"GOLD\", so the condition can never hold; compare with the"
        + " tier's rank: match $tier : Tier( code == \"GOLD\" ) and write tierRank >= $tier.rank");
  }

  @Test
  void aMisspeltFieldOfADeclaredTypeGetsTheNearestName() {
    assertThat(lines(check("""
        declare Counter
            count : int
            label : String
        end

        rule "Declared"
        when
            Counter( cuont > 1 )
        then
        end
        """))).containsExactly("store.drl:13:14: rule 'Declared': `cuont` is not a field of"
        + " Counter; did you mean `count`? The fields of Counter are count, label");
  }

  @Test
  void droolsDoesNotPrintItsRawCompilerErrorsBesideOurs() {
    // the tests log at WARN through slf4j-simple, which writes to whatever System.err is now
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    RuleReport report;
    try {
      System.setErr(new java.io.PrintStream(printed, true,
          java.nio.charset.StandardCharsets.UTF_8));
      report = check("""
          rule "Cosmetics"
          when
              $l : SaleLine( categry == "COSMETICS" )
          then
              int n = ;
          end
          """);
    } finally {
      System.setErr(err);
    }

    assertThat(lines(report)).hasSize(2).anyMatch(l -> l.contains("`categry` is not a field"))
        .anyMatch(l -> l.contains("Syntax error on token \"=\""));
    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aCharacterThatCrashesDroolsParserIsReportedOnceWhereItIs() {
    // Drools' parser fails on a back quote with "Unexpected error: Cannot invoke ...
    // BitSet.toArray()", twice, at line 1
    assertThat(lines(check("""
        rule "Quoted" ` when
            Member()
        then
        end
        """))).containsExactly("store.drl:6:15: Drools cannot read the file from here: a back"
        + " quote (`) has no meaning in a rule file outside a string; remove it, or put it in quotes if it"
        + " belongs to a text");
  }
}
