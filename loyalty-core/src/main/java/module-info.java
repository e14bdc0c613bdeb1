/**
 * Loyalty Rules' core: the domain model, the programme, outcomes, follow-ups, JSON, rule tables
 * and the engine API, without Drools. Only API packages are exported; {@code internal} packages
 * are not API ({@code io.github.loyaltyrules.internal} is shared with the rules module only).
 * Jackson may reflect on the values it reads and writes.
 */
// mustache.java publishes no module descriptor, only an automatic module name
@SuppressWarnings("requires-automatic")
module io.github.loyaltyrules.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires static transitive org.apiguardian.api;
  // @NullMarked and @Nullable say which values may be null; needed to compile, not to run
  requires static transitive org.jspecify;
  requires org.slf4j;
  requires com.github.mustachejava;

  exports io.github.loyaltyrules;
  exports io.github.loyaltyrules.followup;
  exports io.github.loyaltyrules.insight;
  exports io.github.loyaltyrules.json;
  exports io.github.loyaltyrules.json.contract;
  exports io.github.loyaltyrules.model;
  exports io.github.loyaltyrules.outcome;
  exports io.github.loyaltyrules.programme;
  exports io.github.loyaltyrules.spi;
  exports io.github.loyaltyrules.tables;
  exports io.github.loyaltyrules.internal to io.github.loyaltyrules.rules;

  opens io.github.loyaltyrules.followup to com.fasterxml.jackson.databind;
  // Jackson reads the review's values; the page's template is a resource Mustache loads
  opens io.github.loyaltyrules.insight;
  // the review page's template and the values Mustache reads
  opens io.github.loyaltyrules.insight.internal to com.github.mustachejava,
      com.fasterxml.jackson.databind;
  opens io.github.loyaltyrules.json to com.fasterxml.jackson.databind;
  // the contract's schemas are resources that hosts and the command line read
  opens io.github.loyaltyrules.json.contract;
  opens io.github.loyaltyrules.model to com.fasterxml.jackson.databind;
  opens io.github.loyaltyrules.outcome to com.fasterxml.jackson.databind;
  // the bundled programmes are read as resources by hosts and tests too
  opens io.github.loyaltyrules.programme;

  uses io.github.loyaltyrules.spi.EngineFactory;
}
