/**
 * The processors of the streams application. Not API: anything here may change in any release.
 */
// Nothing here is null unless it is marked @Nullable (NullAway checks it; docs/QUALITY.md)
@NullMarked
package io.github.loyaltyrules.streams.internal;

import org.jspecify.annotations.NullMarked;
