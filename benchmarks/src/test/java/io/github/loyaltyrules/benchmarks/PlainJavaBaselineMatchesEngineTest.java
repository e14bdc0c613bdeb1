package io.github.loyaltyrules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmark's ratio is honest only if the plain-Java baseline does exactly what the rule
 * pack does: on seeded random histories both must give identical outcomes, down to the effects'
 * reasons and the fired rules. Nine members in ten consent to messaging, so the follow-ups and
 * the contact policy are compared too.
 */
class PlainJavaBaselineMatchesEngineTest {

  static Stream<Programme> programmes() {
    return Stream.of(Programmes.seedsDefault(), Programmes.seedsPaidCard(), pointsLadder());
  }

  /**
   * The default programme on a ladder by points (qualification.basis POINTS): 2,400, 6,000,
   * 12,000 and 24,000 points earned in a quarter reach ordinary, silver, gold and diamond.
   */
  static Programme pointsLadder() {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      var json = io.github.loyaltyrules.json.LoyaltyJson.mapper();
      var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
      root.put("id", "seeds-default-by-points");
      ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("qualification"))
          .put("basis", "POINTS");
      long[] points = {0, 2_400, 6_000, 12_000, 24_000};
      for (int i = 0; i < points.length; i++) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("tiers").get(i))
            .put("qualifyingPoints", points[i]);
      }
      return Programmes.fromJson(root.toString(), "points-ladder.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("programmes")
  void baselineAndEngineGiveIdenticalOutcomesOnRandomHistories(Programme programme) {
    // the histories run into 2027: the engine's clock is past them (limits.maxMinutesAhead)
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(programme)
        .clock(java.time.Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"),
            java.time.ZoneOffset.UTC)).build();
    PlainJavaDefaultPack plain = new PlainJavaDefaultPack(programme);
    int steps = 0;
    int tierChanges = 0;
    int refusals = 0;
    int followUps = 0;
    for (int member = 0; member < 300; member++) {
      MemberState viaEngine = MemberState.newMember(RandomHistories.profile(member));
      MemberState viaPlain = viaEngine;
      for (RandomHistories.Step step : RandomHistories.history(member, programme.timeZone())) {
        if (step.floor() != null || step.clearFloor()) {
          viaEngine = viaEngine.withManualFloor(step.floor());
          viaPlain = viaPlain.withManualFloor(step.floor());
          continue;
        }
        MemberState e = viaEngine;
        MemberState p = viaPlain;
        // the plain pack is not the compiled rules, so it names no rules' version
        Object resultA = outcomeOrRefusal(() -> (step.transaction() != null
            ? engine.evaluate(e, step.transaction()) : engine.assess(e, step.assess()))
            .withVersion(null));
        Object resultB = outcomeOrRefusal(() -> step.transaction() != null
            ? plain.evaluate(p, step.transaction()) : plain.assess(p, step.assess()));
        assertThat(resultB).as("member %d, step %d", member, steps).isEqualTo(resultA);
        steps++;
        if (resultA instanceof String) {
          refusals++;
          continue; // both refused with the same message; the state stays as it was
        }
        Outcome a = (Outcome) resultA;
        Outcome b = (Outcome) resultB;
        tierChanges += a.effects(io.github.loyaltyrules.outcome.TierChanged.class).size();
        followUps += a.effects(io.github.loyaltyrules.outcome.FollowUpScheduled.class).size();
        viaEngine = a.state();
        viaPlain = b.state();
      }
    }
    assertThat(refusals).as("the histories exercise refused adjustments").isGreaterThan(10);
    assertThat(steps).isGreaterThan(3000);
    assertThat(tierChanges).as("the histories exercise tier changes").isGreaterThan(100);
    assertThat(followUps).as("the members consent to messaging, so follow-ups are scheduled")
        .isGreaterThan(1000);
    System.out.printf("%s: %d steps, %d refusals, %d tier changes, %d follow-ups%n",
        programme.id(), steps, refusals, tierChanges, followUps);
  }

  /** The outcome, or the message of the refusal, so both sides can be compared either way. */
  private static Object outcomeOrRefusal(Supplier<Outcome> call) {
    try {
      return call.get();
    } catch (RefusedException refused) {
      return refused.getMessage();
    }
  }
}
