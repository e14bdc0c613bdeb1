package io.github.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's guard: a rule file cannot reach outside the fact model, however it is written. */
class RuleGuardTest {
  private static final String HEAD = """
      package com.example.store;

      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;
      """;
  private static final String FIX = "; rules may use only the fact model and plain values; see"
      + " docs/RULES.md, \"What a rule may use\"";

  private static List<String> errors(String body) {
    return RuleValidator.alone().validate(RuleSource.of("store.drl", HEAD + body)).errors()
        .stream().map(RuleProblem::toString).toList();
  }

  @Test
  void anImportOfFilesIsRefusedAtItsLine() {
    assertThat(errors("""
        import java.io.File;

        rule "Files"
        when
            Member()
        then
        end
        """)).containsExactly("store.drl:5:1: imports java.io.File, which reaches files and"
        + " streams" + FIX);
  }

  @Test
  void aWholePackageImportOfTheNetworkIsRefused() {
    assertThat(errors("""
        import java.net.*;

        rule "Net"
        when
            Member()
        then
        end
        """)).containsExactly("store.drl:5:1: imports all of java.net, which reaches"
        + " the network" + FIX);
  }

  @Test
  void aFullyQualifiedNameInAConditionOrAConsequenceIsRefused() {
    assertThat(errors("""

        rule "Qualified"
        when
            $l : SaleLine( eval(java.nio.file.Files.exists(null)) )
        then
            java.io.File f = java.io.File.createTempFile("a", "b");
        end
        """)).containsExactly(
        "store.drl:8:25: rule 'Qualified': uses java.nio.file.Files, which reaches files and"
            + " streams" + FIX,
        "store.drl:10:5: rule 'Qualified': uses java.io.File, which reaches files and streams"
            + FIX,
        "store.drl:10:22: rule 'Qualified': uses java.io.File, which reaches files and streams"
            + FIX);
  }

  @Test
  void aFunctionThatReachesTheJvmIsRefused() {
    assertThat(errors("""

        function void stop() {
            System.exit(1);
        }

        rule "Calls the function"
        when
            Member()
        then
            stop();
        end
        """)).containsExactly(
        "store.drl:7:5: uses System, which reaches the JVM itself" + FIX,
        "store.drl:7:12: calls exit(), which reaches the JVM itself; rules may use only the fact"
            + " model and plain values; see docs/RULES.md, \"What a rule may use\"");
  }

  private static final String STAFF_BY_FUNCTION = """

      import io.github.loyaltyrules.programme.Tier;

      function boolean isStaff(String flag) {
          return flag != null && flag.trim().equalsIgnoreCase("yes");
      }

      rule "Staff are gold at once"
          ruleflow-group "tiers"
      when
          $gold : Tier( code == "GOLD" )
          Member( activeCard, isStaff(attributes["staff"]), tierRank < $gold.rank )
      then
          insert(QualifyFor.because($gold, "staff are gold members"));
      end
      """;

  @Test
  void aFunctionThatOnlyComputesIsAcceptedAndRuns() {
    // Drools compiles a function into a class that implements Externalizable with empty
    // writeExternal/readExternal: those are Drools' and were refused as "files and streams"
    assertThat(errors(STAFF_BY_FUNCTION)).isEmpty();

    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Shop.FLAT)
        .clock(java.time.Clock.fixed(Shop.NOW, Shop.SHANGHAI))
        .rules(RuleSource.of("store.drl", HEAD + STAFF_BY_FUNCTION)).build();
    io.github.loyaltyrules.model.MemberState staff = io.github.loyaltyrules.model.MemberState
        .newMember(io.github.loyaltyrules.model.CustomerProfile.builder("S-7")
            .attribute("staff", " YES").build());
    assertThat(engine.evaluate(staff, Shop.sale("T1", "2026-05-04T10:00", "100.00")).state()
        .tier()).isEqualTo("GOLD");
  }

  @Test
  void aFunctionThatWritesToAnObjectStreamIsStillRefused() {
    assertThat(errors("""

        function void save(java.io.ObjectOutput out) {
            out.writeInt(1);
        }

        rule "Saves"
        when
            Member()
        then
        end
        """)).isNotEmpty().allMatch(e -> e.contains("files and streams"));
  }

  @Test
  void aDeclaredTypeOrAGlobalOfAForbiddenTypeIsRefused() {
    assertThat(errors("""

        global java.lang.Runtime runtime;

        declare Handle
            thread : java.lang.Thread
        end

        rule "Declared"
        when
            Handle()
        then
        end
        """)).containsExactly(
        "store.drl:6:8: uses java.lang.Runtime, which reaches the JVM itself" + FIX,
        "store.drl:9:14: uses java.lang.Thread, which reaches threads" + FIX);
  }

  @Test
  void reflectionAndTheClockAreRefused() {
    assertThat(errors("""

        rule "Reflects"
        when
            $l : SaleLine()
        then
            Object f = $l.getClass().getDeclaredFields();
            java.time.LocalDate d = java.time.LocalDate.now();
        end
        """)).containsExactly(
        "store.drl:10:19: rule 'Reflects': calls getClass(), which reaches reflection" + FIX,
        "store.drl:10:30: rule 'Reflects': calls getDeclaredFields(), which reaches reflection"
            + FIX,
        "store.drl:11:49: rule 'Reflects': calls now(), which reaches the clock (rules get the"
            + " day as the Today fact); rules may use only the fact model and plain values; use"
            + " Today( $d : date ) instead of the clock");
  }

  @Test
  void aConsequenceInMvelIsRefusedBecauseItIsNeverCompiled() {
    assertThat(errors("""

        rule "Interpreted"
            dialect "mvel"
        when
            Member()
        then
        end
        """)).containsExactly("store.drl:7:13: rule 'Interpreted': uses dialect \"mvel\":"
        + " consequences in MVEL are interpreted, so the guard cannot check what they reach;"
        + " remove the dialect attribute; write the consequence in Java");
  }

  @Test
  void aNameTheTextPassCannotSeeIsCaughtInTheCompiledClasses() {
    // Java allows spaces around the dots of a name: the text shows no name of a forbidden type,
    // the class Drools compiles refers to java.io.File all the same
    assertThat(errors("""

        rule "Hidden"
        when
            Member()
        then
            Object roots = java . io . File . listRoots();
        end
        """)).containsExactly("store.drl:10:32: rule 'Hidden': uses java.io.File, which reaches"
        + " files and streams" + FIX);
  }

  @Test
  void aRuleThatWouldWriteAFileNeverRunsAndTheFileIsNotWritten(@TempDir Path dir) {
    Path target = dir.resolve("written.txt");
    String rule = HEAD + """

        rule "Writes"
        when
            Member()
        then
            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "x");
        end
        """.formatted(target.toString().replace("\\", "/"));

    assertThatThrownBy(() -> LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .rules(RuleSource.of("store.drl", rule)).build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("store.drl:10:5: rule 'Writes': uses java.nio.file.Files");
    assertThat(Files.exists(target)).isFalse();
  }

  @Test
  void aRuleWithAnOrConditionIsAcceptedAndFiresForEachBranchThatMatches() {
    // Drools compiles the branches of an 'or' into sub-rules whose consequence finds its facts
    // through org.drools.core.reteoo.Tuple: Drools' own code, refused as "the engine's own
    // workings" before
    String body = """
        rule "Store: a visit on a weekday or by a new member"
            ruleflow-group "points"
        when
            ( Today( weekend == false ) or Member( purchases == 0 ) )
        then
            insert(PointsBonus.basket("visit", 200));
        end
        """;
    assertThat(errors(body)).isEmpty();

    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Shop.FLAT)
        .clock(java.time.Clock.fixed(Shop.NOW, Shop.SHANGHAI))
        .rules(RuleSource.of("store.drl", HEAD + body)).build();
    // a new member on a Monday (4 May 2026): both branches match, the rule fires for each
    io.github.loyaltyrules.outcome.Outcome o = engine.evaluate(
        io.github.loyaltyrules.model.MemberState.newMember(
            io.github.loyaltyrules.model.CustomerProfile.builder("M-1").build()),
        Shop.sale("T1", "2026-05-04T10:00", "100.00"));
    assertThat(o.firedRuleNames())
        .filteredOn("Store: a visit on a weekday or by a new member"::equals).hasSize(2);
  }

  @Test
  void plainValuesAndCollectionsAreAllowed() {
    assertThat(errors("""
        import java.util.List;
        import java.util.TreeSet;
        import java.math.BigDecimal;
        import java.time.LocalDate;

        rule "Plain"
            ruleflow-group "points"
        when
            $l : PaidLine()
            Today( $d : date )
        then
            TreeSet<String> s = new TreeSet<>(List.of("a", "b"));
            BigDecimal twice = new BigDecimal("2").max(BigDecimal.ONE);
            LocalDate next = $d.plusDays(Math.max(1, s.size()));
            insert(PointsFactor.of($l, "plain " + next, twice));
        end
        """)).isEmpty();
  }

  private static final String SAME_EVERY_TIME = "; rules may use only the fact model and plain"
      + " values; a rule must decide the same way each time it runs on the same facts (a quote"
      + " and its sale, a replayed transaction): decide from the facts, such as the"
      + " transaction's id or Today's date; see docs/RULES.md, \"What a rule may use\"";

  @Test
  void everySourceOfRandomnessIsRefusedAsRandomness() {
    assertThat(errors("""
        import java.util.Random;
        import java.util.SplittableRandom;
        import java.util.UUID;
        import java.security.SecureRandom;
        import java.util.concurrent.ThreadLocalRandom;
        import function java.lang.Math.random;

        rule "Dice"
        when
            Member()
        then
        end
        """)).containsExactly(
        "store.drl:5:1: imports java.util.Random, which reaches randomness" + SAME_EVERY_TIME,
        "store.drl:6:1: imports java.util.SplittableRandom, which reaches randomness"
            + SAME_EVERY_TIME,
        "store.drl:7:1: imports java.util.UUID, which reaches randomness" + SAME_EVERY_TIME,
        "store.drl:8:1: imports java.security.SecureRandom, which reaches randomness"
            + SAME_EVERY_TIME,
        "store.drl:9:1: imports java.util.concurrent.ThreadLocalRandom, which reaches"
            + " randomness" + SAME_EVERY_TIME,
        "store.drl:10:1: imports the function java.lang.Math.random, which reaches randomness"
            + SAME_EVERY_TIME);
  }

  @Test
  void mathRandomTheJvmsLocaleAndParallelStreamsAreRefusedAtTheirCall() {
    assertThat(errors("""
        import java.util.List;
        import java.util.Locale;
        import java.util.stream.Stream;

        rule "Shared state"
        when
            Member()
        then
            double d = Math.random();
            Locale.setDefault(Locale.US);
            long n = List.of(1, 2).parallelStream().count() + Stream.of(1).parallel().count();
            java.util.function.DoubleSupplier roll = Math::random;
        end
        """)).containsExactly(
        "store.drl:13:21: rule 'Shared state': calls random(), which reaches randomness"
            + SAME_EVERY_TIME,
        "store.drl:14:12: rule 'Shared state': calls setDefault(), which reaches the locale of"
            + " the whole JVM, for every thread of the host; rules may use only the fact model"
            + " and plain values; pass the locale where it is needed, e.g."
            + " String.format(Locale.ROOT, ...); see docs/RULES.md, \"What a rule may use\"",
        "store.drl:15:28: rule 'Shared state': calls parallelStream(), which reaches threads of"
            + " the JVM's common pool; rules may use only the fact model and plain values; use"
            + " stream() without parallel(): a rule works on one member's facts; see"
            + " docs/RULES.md, \"What a rule may use\"",
        "store.drl:15:68: rule 'Shared state': calls parallel(), which reaches threads of the"
            + " JVM's common pool; rules may use only the fact model and plain values; use"
            + " stream() without parallel(): a rule works on one member's facts; see"
            + " docs/RULES.md, \"What a rule may use\"",
        "store.drl:16:52: rule 'Shared state': calls random(), which reaches randomness"
            + SAME_EVERY_TIME);
  }

  @Test
  void lambdasAndMethodReferencesInAConsequenceAreAllowedAndRun() {
    String body = """
        import java.util.stream.Collectors;

        rule "Categories in capitals"
            ruleflow-group "points"
        when
            $b : Basket()
            $l : PaidLine( index == 0 )
        then
            String all = java.util.List.of("tops", "socks").stream().map(c -> c + "!")
                .map(String::toUpperCase).sorted(java.util.Comparator.reverseOrder())
                .collect(Collectors.joining(","));
            insert(PointsBonus.of($l, all, 7));
        end
        """;
    assertThat(errors(body)).isEmpty();

    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .rules(RuleSource.of("store.drl", HEAD + body)).build();
    assertThat(engine.evaluate(Shop.member("M1"), Shop.sale("T1", "2026-05-04T10:00",
        "100.00")).firedRuleNames()).contains("Categories in capitals");
  }

  @Test
  void aLambdaOrAMethodReferenceThatReachesOutsideIsRefusedInTheCompiledClass() {
    // spaces around the dots hide the names from the text pass; the compiled class shows them
    assertThat(errors("""
        import java.util.List;
        import java.util.function.Function;

        rule "Hidden in a lambda"
        when
            Member()
        then
            long n = List.of("a").stream().map(s -> java . io . File . separator + s).count();
        end

        rule "Hidden in a method reference"
        when
            Member()
        then
            Function<String, Object> open = java . nio . file . Path :: of;
        end
        """)).containsExactly(
        "store.drl:12:57: rule 'Hidden in a lambda': uses java.io.File, which reaches files and"
            + " streams" + FIX,
        "store.drl:19:57: rule 'Hidden in a method reference': uses java.nio.file.Path, which"
            + " reaches files and streams" + FIX);
  }
}
