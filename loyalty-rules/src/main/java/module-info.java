/**
 * Loyalty Rules' Drools engine and default rule pack. Exports the rule-facing facts and
 * decisions and the validator; the engine, pipeline and settlers ({@code rules.internal}) are
 * not API and reach hosts only as the core's {@code EngineFactory} service.
 */
module io.github.loyaltyrules.rules {
  requires transitive io.github.loyaltyrules.core;
  requires static org.apiguardian.api;
  requires static org.jspecify;
  requires org.kie.api;
  requires org.kie.internal.api;
  requires org.drools.base;
  requires org.drools.core;
  requires org.drools.kiesession;
  requires org.drools.drl.ast;
  requires org.drools.drl.parser;
  requires org.slf4j;
  requires java.management;

  exports io.github.loyaltyrules.rules;
  exports io.github.loyaltyrules.rules.decisions;
  exports io.github.loyaltyrules.rules.facts;

  // rules match the facts and make the decisions by reflection (MVEL); the default pack is read
  // as resources
  opens io.github.loyaltyrules.rules.decisions;
  opens io.github.loyaltyrules.rules.facts;
  opens io.github.loyaltyrules.rules.defaults;

  provides io.github.loyaltyrules.spi.EngineFactory
      with io.github.loyaltyrules.rules.internal.DroolsEngineFactory;
}
