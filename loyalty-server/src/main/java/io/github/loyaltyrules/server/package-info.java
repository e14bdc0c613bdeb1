/**
 * The loyalty/1 contract over HTTP for till plugins ({@code loyalty serve}, docs/SERVER.md): the
 * server keeps every member's state in a store, applies one member's requests one at a time,
 * commits each with a journal row in one database transaction and answers a retried request
 * with the stored result.
 */
// Nothing here is null unless it is marked @Nullable (NullAway checks it; docs/QUALITY.md)
@NullMarked
package io.github.loyaltyrules.server;

import org.jspecify.annotations.NullMarked;
