package io.github.loyaltyrules.spi;

import io.github.loyaltyrules.LoyaltyEngine;
import org.apiguardian.api.API;

/**
 * Builds engines; found with {@link java.util.ServiceLoader}. {@code loyalty-rules} provides the
 * Drools implementation, so that {@code loyalty-core} stays free of Drools. Hosts do not call
 * this: they use {@link LoyaltyEngine#builder()}.
 *
 * <p>Thread-safety: implementations must be thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface EngineFactory {

  /** Compiles the rules and returns a ready, thread-safe engine. */
  LoyaltyEngine create(EngineSpec spec);
}
