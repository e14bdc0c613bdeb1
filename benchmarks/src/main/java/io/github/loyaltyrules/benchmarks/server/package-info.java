// Nothing here is null unless it is marked @Nullable (NullAway checks it; docs/QUALITY.md)
/** A load generator for {@code loyalty serve} (benchmarks/RESULTS.md). */
@NullMarked
package io.github.loyaltyrules.benchmarks.server;

import org.jspecify.annotations.NullMarked;
