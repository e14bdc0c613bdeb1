package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Gender;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * Writes a follow-up's message from its template (DOMAIN.md §4): every message opens with the
 * salutation "尊敬的{name}女士/先生:您好!" (女士 or 先生 by the profile's gender, both when it is
 * not recorded), says what its kind says with the follow-up's parameters, and is signed by the
 * store. Templates for zh-CN and en are bundled; a retailer replaces any of them with
 * {@link #withTemplates}.
 *
 * <p>Template keys: {@code salutation.FEMALE}, {@code salutation.MALE},
 * {@code salutation.UNSPECIFIED}, {@code name.unknown}, {@code signature}, and one per
 * {@link FollowUpKind} name. Placeholders: {@code {name}}, {@code {salutation}}, {@code {store}}
 * and each of the follow-up's parameters, e.g. {@code {points}}.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class FollowUpMessages {
  private final Map<String, String> templates;

  private FollowUpMessages(Map<String, String> templates) {
    this.templates = Map.copyOf(templates);
  }

  /** The bundled templates for {@code locale}: Chinese unless the language is English. */
  public static FollowUpMessages bundled(Locale locale) {
    Check.notNull("locale", locale);
    String file = "en".equals(locale.getLanguage()) ? "messages_en.properties"
        : "messages_zh_CN.properties";
    Properties p = new Properties();
    try (InputStream in = FollowUpMessages.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new LoyaltyException("bundled message templates " + file + " are missing from"
            + " the class path; the loyalty-core jar is damaged");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LoyaltyException("could not read bundled message templates " + file, e);
    }
    Map<String, String> map = new HashMap<>();
    p.forEach((k, v) -> map.put((String) k, (String) v));
    return new FollowUpMessages(map);
  }

  /** These templates with {@code overrides} replacing or adding keys. */
  public FollowUpMessages withTemplates(Map<String, String> overrides) {
    Map<String, String> map = new HashMap<>(templates);
    map.putAll(Check.map("templates", overrides));
    return new FollowUpMessages(map);
  }

  /** The message of {@code followUp} for the member of {@code profile}, signed by {@code store}. */
  public String write(FollowUp followUp, CustomerProfile profile, String store) {
    Check.notNull("followUp", followUp);
    Check.notNull("profile", profile);
    Map<String, String> values = new HashMap<>(followUp.params());
    values.put("name", profile.name() != null ? profile.name() : template("name.unknown"));
    Gender gender = profile.gender() == null ? Gender.UNSPECIFIED : profile.gender();
    values.put("salutation", fill(template("salutation." + gender), values));
    values.put("store", store == null ? "" : store);
    return fill(template(followUp.kind().name()), values) + fill(template("signature"), values);
  }

  private String template(String key) {
    String t = templates.get(key);
    if (t == null) {
      throw new LoyaltyException("no message template '" + key + "'; add it with"
          + " FollowUpMessages.withTemplates");
    }
    return t;
  }

  private static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(template, i, template.length());
        break;
      }
      String key = template.substring(open + 1, close);
      String value = values.get(key);
      out.append(template, i, open).append(value != null ? value : "{" + key + "}");
      i = close + 1;
    }
    return out.toString();
  }
}
