/**
 * The server's implementation: HTTP handlers, the member store and its SQL, API keys. Not API:
 * anything here may change in any release.
 */
// Nothing here is null unless it is marked @Nullable (NullAway checks it; docs/QUALITY.md)
@NullMarked
package io.github.loyaltyrules.server.internal;

import org.jspecify.annotations.NullMarked;
