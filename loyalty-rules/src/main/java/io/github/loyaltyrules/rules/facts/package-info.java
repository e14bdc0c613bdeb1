// Nothing here is null unless it is marked @Nullable (NullAway checks it; docs/QUALITY.md)
@NullMarked
package io.github.loyaltyrules.rules.facts;

import org.jspecify.annotations.NullMarked;
