package io.github.loyaltyrules.examples;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.programme.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The example POS session: a handful of customers buy, return, recharge and visit over a few
 * simulated months, and for every transaction the session prints the card and tier before and
 * after, why the tier changed, and the rules that fired. The host's side of the contract is all
 * here: it keeps each member's state, hands it to the engine with the next transaction and
 * stores the state that comes back.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests -Ppos-session -pl loyalty-examples -am package}, or with
 * a script of your own: {@code java ... PosSession my-session.json}.
 */
public final class PosSession {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PrintStream out;

  PosSession(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    PosSession session = new PosSession(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    if (args.length > 0) {
      session.run(read(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)));
      return;
    }
    session.run(bundled("pos-session.json"));
    session.run(bundled("paid-card-session.json"));
  }

  static SessionScript bundled(String name) throws IOException {
    try (InputStream in = PosSession.class.getResourceAsStream(name)) {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static SessionScript read(String json) {
    return LoyaltyJson.read(json, SessionScript.class, "session script");
  }

  /** Runs the script and returns every member's final state, by member id. */
  Map<String, MemberState> run(SessionScript script) {
    Programme programme = switch (script.programme()) {
      case "seeds-default" -> Programmes.seedsDefault();
      case "seeds-paid-card" -> Programmes.seedsPaidCard();
      default -> Programmes.load(Path.of(script.programme()));
    };
    SimulatedClock clock = new SimulatedClock(Instant.EPOCH, programme.timeZone());
    long start = System.nanoTime();
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(programme).clock(clock).build();
    out.printf("%n=== %s%n    %s%n    engine built in %d ms%n%n", programme.id(),
        programme.name(), (System.nanoTime() - start) / 1_000_000);

    Map<String, MemberState> members = new LinkedHashMap<>();
    for (CustomerProfile c : script.customers()) {
      members.put(c.id(), MemberState.newMember(c));
    }
    for (SessionScript.Step step : script.steps()) {
      if (step.transaction() != null) {
        clock.set(step.transaction().time());
        // the script's steps name its customers
        MemberState before = Objects.requireNonNull(members.get(step.member()));
        Outcome outcome = engine.evaluate(before, step.transaction());
        members.put(step.member(), outcome.state());
        print(programme, step.member(), step.transaction(), before, outcome);
      } else if (step.manualFloor() != null) {
        members.computeIfPresent(step.member(), (id, s) -> s.withManualFloor(step.manualFloor()));
        out.printf("%s  staff set %s's manual floor to %s (%s)%n%n", "                ",
            step.member(), step.manualFloor(), step.note());
      } else if (step.assess() != null) {
        clock.set(step.assess().atStartOfDay(programme.timeZone()).toInstant());
        out.printf("%s  periodic review of every member: %s%n", step.assess(), step.note());
        boolean any = false;
        for (Map.Entry<String, MemberState> m : members.entrySet()) {
          Outcome outcome = engine.assess(m.getValue());
          if (!outcome.effects().isEmpty()) {
            any = true;
            out.printf("      %s  %s -> %s%n", m.getKey(), tierOf(programme, m.getValue()),
                tierOf(programme, outcome.state()));
            printEffects(outcome);
          }
          m.setValue(outcome.state());
        }
        out.println(any ? "" : "      nothing changed\n");
        printAgendas(step.assess(), members);
      }
    }
    java.time.LocalDate next = members.values().stream()
        .flatMap(m -> m.followUps().stream())
        .filter(f -> f.status() == io.github.loyaltyrules.followup.FollowUpStatus.OPEN)
        .map(io.github.loyaltyrules.followup.FollowUp::due).min(java.util.Comparator
            .naturalOrder()).orElse(null);
    if (next != null) {
      out.println("--- the next day with contacts to make");
      printAgendas(next, members);
    }
    out.println("--- final tiers");
    members.forEach((id, s) -> out.printf("      %s  %-26s card %s; points %s%n", id,
        tierOf(programme, s),
        s.card() == null ? "none" : s.card().number() + " (" + s.card().origin() + ")",
        pointsOf(s)));
    return members;
  }

  private void print(Programme programme, String member, Transaction tx, MemberState before,
      Outcome outcome) {
    LocalDateTime local = LocalDateTime.ofInstant(tx.time(), programme.timeZone());
    String amount = tx.goodsAmount() == null ? "" : "  " + tx.goodsAmount()
        + (tx.lines().isEmpty() ? "" : " (" + tx.itemCount()
        + (tx.itemCount() == 1 ? " item)" : " items)"));
    out.printf("%s  %s  %-8s %s%s%n", WHEN.format(local), member, tx.kind(), tx.id(), amount);
    out.printf("      card %s -> %s, tier %s -> %s%n", cardOf(before), cardOf(outcome.state()),
        tierOf(programme, before), tierOf(programme, outcome.state()));
    out.printf("      points %s -> %s%n", pointsOf(before), pointsOf(outcome.state()));
    printEffects(outcome);
    out.printf("      fired: %s%n%n", outcome.firedRuleNames().isEmpty() ? "(none)"
        : firedOnce(outcome.firedRuleNames()));
  }

  /** Each store's contacts for the day, by associate, as the staff would see them. */
  private void printAgendas(java.time.LocalDate day, Map<String, MemberState> members) {
    java.util.Set<String> stores = new java.util.TreeSet<>();
    members.values().forEach(m -> {
      if (m.profile().homeStore() != null) {
        stores.add(m.profile().homeStore());
      }
    });
    for (String store : stores) {
      var agenda = io.github.loyaltyrules.followup.DailyAgenda.build(store, day,
          members.values().stream());
      out.printf("      agenda of %s on %s: %s%n", store, day,
          agenda.size() == 0 ? "no contacts" : agenda.size() + " contacts");
      agenda.byAssociate().forEach((associate, contacts) -> contacts.forEach(c -> out.printf(
          "        %-12s %s-%s %s %s%n", associate, c.from(), c.to(), c.memberId(),
          c.followUps().stream().map(f -> f.kind().name()).toList())));
      if (!agenda.birthdaysNextMonth().isEmpty()) {
        out.printf("        next month's birthdays: %d members%n",
            agenda.birthdaysNextMonth().size());
      }
    }
    out.println();
  }

  private void printEffects(Outcome outcome) {
    for (Effect e : outcome.effects()) {
      out.printf("      + %-15s %s%n          by rule \"%s\"%n", e.getClass().getSimpleName(),
          e.reason(), e.rule());
      if (e instanceof io.github.loyaltyrules.outcome.BasketPriced priced) {
        for (var line : priced.lines()) {
          if (line.adjustments().isEmpty()) {
            continue;
          }
          StringBuilder why = new StringBuilder();
          for (var a : line.adjustments()) {
            why.append(", ").append(a.rule()).append(' ').append(a.amount().amount()
                .toPlainString());
          }
          out.printf("          %s x%d: %s%s = %s%n", line.sku(), line.quantity(),
              line.saleTotal(), why, line.total());
        }
      }
    }
  }

  /** Available and pending points, debt, active vouchers and stored value, for the report. */
  private static String pointsOf(MemberState s) {
    var p = s.points();
    long vouchers = s.vouchers().stream()
        .filter(v -> v.status() == io.github.loyaltyrules.model.VoucherStatus.ACTIVE).count();
    return p.available() + " available, " + p.pending() + " pending"
        + (p.debt() > 0 ? ", " + p.debt() + " owed" : "")
        + (vouchers > 0 ? ", " + vouchers + " voucher" + (vouchers == 1 ? "" : "s") : "")
        + (s.storedValue() == null ? "" : ", stored value " + s.storedValue().balance());
  }

  private static String cardOf(MemberState s) {
    return s.card() == null ? "none" : s.card().number();
  }

  private static String tierOf(Programme programme, MemberState s) {
    if (s.tier() == null) {
      return "none";
    }
    Tier t = programme.tier(s.tier());
    return t.code() + " (" + t.name() + ")";
  }

  /** Each rule once, in the order it first fired, with "×n" when it fired for n lines. */
  private static String firedOnce(java.util.List<String> names) {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (String name : names) {
      counts.merge(name, 1, Integer::sum);
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    counts.forEach((name, n) -> out.add(n == 1 ? name : name + " ×" + n));
    return String.join(" | ", out);
  }
}
