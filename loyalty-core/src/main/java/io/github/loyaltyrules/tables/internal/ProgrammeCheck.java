package io.github.loyaltyrules.tables.internal;

import io.github.loyaltyrules.RuleTableException.Problem;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What only a programme can tell about a rule table: whether its tier codes are the
 * programme's (a condition on an unknown tier would never hold, a ladder row to one would never
 * fire) and whether its amounts fit the programme's currency. Not API. Stateless, thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class ProgrammeCheck {
  private ProgrammeCheck() {}

  /** The problems of {@code table} with {@code programme}; empty when none. */
  public static List<Problem> problems(ParsedTable table, Programme programme) {
    List<String> codes = new ArrayList<>();
    for (Tier t : programme.tiers()) {
      codes.add(t.code());
    }
    int digits = programme.currency().getDefaultFractionDigits();
    List<Problem> out = new ArrayList<>();
    for (TableRow row : table.rows()) {
      for (Column c : table.columns()) {
        if (!row.has(c)) {
          continue;
        }
        if (c.type() == Column.Type.TIERS || c.type() == Column.Type.TIER) {
          List<String> named = c.type() == Column.Type.TIERS ? row.value(c)
              : List.of(row.<String>value(c));
          for (String code : named) {
            if (!codes.contains(code)) {
              out.add(new Problem(table.file(), row.number(), c.header(), "\"" + code
                  + "\" is not a tier of programme " + programme.id() + "; its tiers are "
                  + String.join(", ", codes)));
            }
          }
        }
        if (c.type() == Column.Type.MONEY) {
          BigDecimal amount = row.value(c);
          if (amount.stripTrailingZeros().scale() > digits) {
            out.add(new Problem(table.file(), row.number(), c.header(), "\""
                + row.cells().get(c) + "\" has more decimals than " + programme.currency()
                + " allows (" + digits + "); write an amount the programme's currency can pay"));
          }
        }
      }
    }
    return out;
  }
}
