/**
 * The engine as a Kafka Streams application (docs/STREAMS.md): evaluate requests keyed by
 * member in, outcomes, errors and follow-ups out, every member's state in a changelogged state
 * store of the instance that owns the member's partition.
 */
// Nothing here is null unless it is marked @Nullable (NullAway checks it; docs/QUALITY.md)
@NullMarked
package io.github.loyaltyrules.streams;

import org.jspecify.annotations.NullMarked;
