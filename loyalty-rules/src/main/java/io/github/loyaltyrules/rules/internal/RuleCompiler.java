package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.RuleSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.internal.builder.InternalKieBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles rule files into a {@link KieBase}, once, and reports problems with the file name the
 * caller gave and the line. Stateless; thread-safe.
 */
final class RuleCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
  static final String DEFAULT_PACK = "io/github/loyaltyrules/rules/defaults/";
  static final List<String> DEFAULT_FILES = List.of("cards.drl", "tiers.drl", "points.drl",
      "pricing.drl",
      "followups.drl");

  private RuleCompiler() {}

  static List<RuleSource> defaultPack() {
    List<RuleSource> pack = new ArrayList<>();
    for (String file : DEFAULT_FILES) {
      pack.add(RuleSource.ofClasspath(DEFAULT_PACK + file));
    }
    return pack;
  }

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

  /** The folder matching the file's package, which Drools expects (else it warns). */
  private static String folderOf(String drl) {
    Matcher m = PACKAGE.matcher(drl);
    return m.find() ? m.group(1).replace('.', '/') + "/" : "";
  }

  static KieBase compile(List<RuleSource> sources) {
    long start = System.nanoTime();
    KieServices services = KieServices.get();
    // facts are never modified in place (a phase's result is a new or replaced fact), so
    // property reactivity buys nothing: class reactivity, and no warnings about it
    KieModuleModel model = services.newKieModuleModel();
    model.setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME,
        PropertySpecificOption.ALLOWED.toString());
    KieFileSystem files = services.newKieFileSystem();
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      RuleSource source = sources.get(i);
      String path = "src/main/resources/" + folderOf(source.text()) + "r" + i + ".drl";
      names.put(path, source.name());
      Resource resource = services.getResources()
          .newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
          .setSourcePath(path)
          .setResourceType(ResourceType.DRL);
      files.write(resource);
    }
    List<String> problems = new ArrayList<>();
    for (RuleSource source : sources) {
      problems.addAll(ConditionTypes.check(source));
    }
    if (!problems.isEmpty()) {
      throw new RuleCompilationException(problems);
    }
    // one build: KieHelper's verify() and build() would each compile the rules. Every build
    // uses Drools' default release id in its global repository: safe because the factory
    // compiles one rule set at a time (DroolsEngineFactory holds a lock while compiling)
    ClassLoader loader = RuleCompiler.class.getClassLoader();
    KieBuilder builder = ((InternalKieBuilder) services.newKieBuilder(files, loader))
        .withKModuleModel(model).buildAll();
    Results results = builder.getResults();
    for (Message m : results.getMessages(Message.Level.ERROR)) {
      String name = m.getPath() == null ? "(rules)" : names.getOrDefault(
          m.getPath().startsWith("src/") ? m.getPath() : "src/main/resources/" + m.getPath(),
          m.getPath());
      problems.add(name + ":" + m.getLine() + ": " + m.getText().strip());
    }
    if (!problems.isEmpty()) {
      throw new RuleCompilationException(problems);
    }
    for (Message m : results.getMessages(Message.Level.WARNING)) {
      String name = m.getPath() == null ? "(rules)" : names.getOrDefault(
          m.getPath().startsWith("src/") ? m.getPath() : "src/main/resources/" + m.getPath(),
          m.getPath());
      LOG.warn("rule warning {}:{}: {}", name, m.getLine(), m.getText());
    }
    // the rule base never changes once built: Drools can then keep each session's facts in a
    // plain identity store instead of one store per fact class, built again for every session
    KieBaseConfiguration conf = services.newKieBaseConfiguration();
    conf.setOption(KieBaseMutabilityOption.DISABLED);
    KieBase base = services.newKieContainer(builder.getKieModule().getReleaseId(), loader)
        .newKieBase(conf);
    LOG.info("compiled {} rule files ({} rules) in {} ms", sources.size(),
        base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum(),
        (System.nanoTime() - start) / 1_000_000);
    return base;
  }
}
