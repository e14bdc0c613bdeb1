package io.github.loyaltyrules.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.loyaltyrules.json.LoyaltyJson;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The review's HTML page is parsed as XML (it is XHTML, so a strict parser reads it or the test
 * fails) and every number on it is matched to the review's JSON: the figures as shown and in
 * their data attributes, the tables, the bars, the pyramid and the trend lines.
 */
class MonthlyReviewPageTest {
  private static Document page;
  private static JsonNode json;
  private static String html;

  @BeforeAll
  static void render() throws Exception {
    MonthlyReview review = MonthlyReviewTest.novemberReview();
    html = review.toHtml();
    json = LoyaltyJson.mapper().readTree(review.toJson());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    page = f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  private static List<Element> elements(String tag, String attribute) {
    NodeList all = page.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (attribute == null || e.hasAttribute(attribute)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element cell(Element row, String clazz) {
    NodeList tds = row.getElementsByTagName("td");
    for (int i = 0; i < tds.getLength(); i++) {
      Element td = (Element) tds.item(i);
      if (td.getAttribute("class").startsWith(clazz)
          || td.getAttribute("data-col").equals(clazz)) {
        return td;
      }
    }
    throw new AssertionError("no cell " + clazz + " in " + row.getAttribute("data-figure"));
  }

  /**
   * The number a reader sees: thousands separators dropped, a percentage (or a change in
   * percentage points) back to a share.
   */
  private static BigDecimal shown(String text) {
    String t = text.replace(",", "").replace("+", "").trim();
    if (t.endsWith("pp")) {
      return new BigDecimal(t.substring(0, t.length() - 2).trim()).movePointLeft(2);
    }
    if (t.endsWith("%")) {
      return new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2);
    }
    return new BigDecimal(t);
  }

  private static void same(BigDecimal shown, JsonNode value, String what) {
    assertThat(shown).as(what).isEqualByComparingTo(new BigDecimal(value.asText()));
  }

  @Test
  void everySummaryFigureIsShownAsInTheJsonWithThePreviousMonthAndTheChange() {
    List<Element> rows = elements("tr", "data-figure");

    assertThat(rows).hasSize(16);
    for (Element row : rows) {
      String name = row.getAttribute("data-figure");
      JsonNode figure = json.path(name);
      assertThat(figure.isObject()).as(name + " in the JSON").isTrue();
      for (String part : new String[] {"value", "previous", "change"}) {
        Element td = cell(row, part);
        same(new BigDecimal(td.getAttribute("data-value")), figure.path(part), name + "." + part);
        BigDecimal seen = shown(td.getTextContent());
        BigDecimal expected = new BigDecimal(figure.path(part).asText());
        assertThat(seen).as(name + "." + part + " as shown")
            .isEqualByComparingTo(expected.scale() == 4
                ? expected.setScale(4, RoundingMode.HALF_UP) : expected);
      }
    }
  }

  @Test
  void everyTableRowMatchesItsGroupInTheJson() {
    int checked = 0;
    for (Element row : elements("tr", "data-section")) {
      String section = row.getAttribute("data-section");
      String key = row.getAttribute("data-key");
      JsonNode list = section.equals("pyramid") ? json.path("pyramid").path("levels")
          : json.path(section);
      JsonNode item = null;
      for (JsonNode n : list) {
        String k = n.has("key") ? n.path("key").asText() : n.has("category")
            ? n.path("category").asText() : n.path("name").asText();
        item = k.equals(key) ? n : item;
      }
      assertThat(item).as(section + " " + key + " in the JSON").isNotNull();
      NodeList tds = row.getElementsByTagName("td");
      for (int i = 0; i < tds.getLength(); i++) {
        Element td = (Element) tds.item(i);
        String col = td.getAttribute("data-col");
        if (col.isEmpty() || td.getAttribute("data-value").isEmpty()) {
          continue;
        }
        JsonNode expected = switch (col) {
          case "previousSpend" -> item.path("previous").path("spend");
          case "previousUnits" -> item.path("previous").path("units");
          case "previousUnitPrice" -> item.path("previous").path("unitPrice");
          case "previous" -> item.path("previous");
          case "spend" -> item.path("spend").has("amount") ? item.path("spend").path("amount")
              : item.path("spend");
          default -> item.path(col);
        };
        same(new BigDecimal(td.getAttribute("data-value")), expected, section + " " + key
            + " " + col);
        same(shown(td.getTextContent()), expected, section + " " + key + " " + col
            + " as shown");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void theBarsAreTheTiersSpendAtHeightsInProportion() {
    List<Element> bars = new ArrayList<>();
    for (Element rect : elements("rect", "data-key")) {
      if (((Element) rect.getParentNode()).getAttribute("id").equals("tierChart")) {
        bars.add(rect);
      }
    }
    JsonNode tiers = json.path("tiers");
    BigDecimal max = BigDecimal.ZERO;
    for (JsonNode t : tiers) {
      max = max.max(new BigDecimal(t.path("spend").asText()))
          .max(new BigDecimal(t.path("previous").path("spend").asText()));
    }
    assertThat(bars).hasSize(2 * tiers.size());
    for (Element bar : bars) {
      JsonNode tier = null;
      for (JsonNode t : tiers) {
        tier = t.path("key").asText().equals(bar.getAttribute("data-key")) ? t : tier;
      }
      JsonNode value = bar.getAttribute("data-series").equals("this") ? tier.path("spend")
          : tier.path("previous").path("spend");
      BigDecimal v = new BigDecimal(value.asText());
      same(new BigDecimal(bar.getAttribute("data-value")), value, "bar " + tier.path("key"));
      BigDecimal expectedHeight = v.signum() <= 0 ? BigDecimal.ZERO
          : new BigDecimal("190").multiply(v).divide(max, 1, RoundingMode.HALF_UP);
      assertThat(new BigDecimal(bar.getAttribute("height"))).as("height of " + v)
          .isEqualByComparingTo(expectedHeight);
    }
  }

  @Test
  void thePyramidAndTheTrendLinesCarryTheJsonsNumbers() {
    List<Element> levels = elements("polygon", "data-level");
    assertThat(levels).extracting(e -> e.getAttribute("data-level"))
        .containsExactly("PLATINUM", "GOLD", "IRON", "LEAD");
    for (int i = 0; i < levels.size(); i++) {
      same(new BigDecimal(levels.get(i).getAttribute("data-value")),
          json.path("pyramid").path("levels").get(i).path("spend").path("amount"), "level " + i);
    }
    List<Element> dots = new ArrayList<>();
    for (Element c : elements("circle", "data-month")) {
      if (((Element) c.getParentNode()).getAttribute("id").equals("spendTrend")) {
        dots.add(c);
      }
    }
    assertThat(dots).hasSize(json.path("trend").size());
    for (int i = 0; i < dots.size(); i++) {
      JsonNode point = json.path("trend").get(i);
      assertThat(dots.get(i).getAttribute("data-month")).isEqualTo(point.path("month").asText());
      same(new BigDecimal(dots.get(i).getAttribute("data-value")), point.path("spend"),
          "trend " + i);
    }
  }

  @Test
  void thePageLoadsNothingFromTheNetwork() {
    assertThat(elements("script", null)).isEmpty();
    assertThat(elements("link", null)).isEmpty();
    assertThat(elements("img", null)).isEmpty();
    assertThat(html.replace("http://www.w3.org/1999/xhtml", "")
        .replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:", "url(");
  }
}
