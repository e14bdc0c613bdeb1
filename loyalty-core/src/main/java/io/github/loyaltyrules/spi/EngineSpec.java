package io.github.loyaltyrules.spi;

import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.Programme;
import java.time.Clock;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What an engine is built from: validated by {@link io.github.loyaltyrules.LoyaltyEngine.Builder}.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param programme the programme the rules read
 * @param clock supplies "today" for assessments without a date
 * @param defaultRules whether the bundled rule pack is included
 * @param rules the retailer's own rule files, compiled after the default pack
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EngineSpec(Programme programme, Clock clock, boolean defaultRules,
    List<RuleSource> rules) {

  public EngineSpec {
    Check.notNull("engine.programme", programme);
    Check.notNull("engine.clock", clock);
    rules = Check.list("engine.rules", rules);
  }
}
