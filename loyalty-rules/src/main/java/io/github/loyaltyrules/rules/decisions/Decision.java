package io.github.loyaltyrules.rules.decisions;

import org.apiguardian.api.API;

/**
 * What a rule decides: a rule inserts decisions ({@code insert(new QualifyFor($t))}) and never
 * changes a fact. The engine stamps each decision with the name of the rule that inserted it (a
 * rule cannot set or forge it), counts equal decisions of one rule once, and hands them to the
 * settler of their phase, which resolves conflicts deterministically and explains every decision
 * that lost. See docs/RULES.md for each decision, its phase and how it is settled.
 *
 * <p>Thread-safety: every decision is an immutable record, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public interface Decision {}
