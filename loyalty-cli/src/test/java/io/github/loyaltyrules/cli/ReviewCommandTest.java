package io.github.loyaltyrules.cli;

import static io.github.loyaltyrules.cli.CommandLineProcessTest.loyalty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.loyaltyrules.cli.CommandLineProcessTest.Run;
import io.github.loyaltyrules.json.LoyaltyJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loyalty review} run as its own process over a tiny store (S01) under the default
 * programme. At the end of November 2026 S01 has three card holders: M1 (gold since March 2025,
 * born 1990, ten purchases from 10 March 2025 to 20 November 2026: a usual gap of 620 / 9 = 68
 * days), M2 (new on 5 November) and M3 (two purchases, 1 January and 1 February 2025: a gap of
 * 31 days and a dead card). M4 belongs to S02.
 *
 * <p>The transactions: M1 buys two knits for 1,000.00 at sale prices and pays 900.00 on 3
 * November; M2 three tees at 100.00 (no paid amount: 300.00 at sale prices); M1 a knit on 31
 * October paying 450.00; X9, not a member of the store, a tee. November: 2 buying members, 2
 * purchases, 5 units, 1,200.00 spent, 2.50 items per purchase, 1 dead card of 3 (0.3333), 2
 * transactions skipped (October's and X9's). October: 2 card holders, M1 alone bought (1 unit,
 * 450.00), M3's card was dead (0.5000).
 */
class ReviewCommandTest {
  private static final ObjectMapper JSON = LoyaltyJson.mapper();

  private static final String MEMBERS = """
      {"schemaVersion":4,"profile":{"id":"M1","homeStore":"S01","birthDate":"1990-05-01"},\
      "card":{"number":"VIP-M1","tier":"GOLD","status":"ACTIVE","issuedOn":"2025-03-10",\
      "origin":"FIRST_PURCHASE"},"activity":{"purchases":10,"firstPurchase":"2025-03-10",\
      "lastPurchase":"2026-11-20"}}

      {"schemaVersion":4,"profile":{"id":"M2","homeStore":"S01"},"card":{"number":"VIP-M2",\
      "tier":"POINTS","status":"ACTIVE","issuedOn":"2026-11-05","origin":"FIRST_PURCHASE"},\
      "activity":{"purchases":1,"firstPurchase":"2026-11-05","lastPurchase":"2026-11-05"}}
      {"schemaVersion":4,"profile":{"id":"M3","homeStore":"S01"},"card":{"number":"VIP-M3",\
      "tier":"POINTS","status":"ACTIVE","issuedOn":"2025-01-01","origin":"FIRST_PURCHASE"},\
      "activity":{"purchases":2,"firstPurchase":"2025-01-01","lastPurchase":"2025-02-01"}}
      {"schemaVersion":4,"profile":{"id":"M4","homeStore":"S02"},"card":{"number":"VIP-M4",\
      "tier":"GOLD","status":"ACTIVE","issuedOn":"2025-01-01","origin":"FIRST_PURCHASE"}}
      """;

  private static String line(String member, String id, String time, String sku, int quantity,
      String price) {
    return "{\"memberId\":\"" + member + "\",\"transaction\":{\"id\":\"" + id + "\",\"kind\":"
        + "\"SALE\",\"time\":\"" + time + "+08:00\",\"storeId\":\"S01\",\"lines\":[{\"sku\":\""
        + sku + "-1\",\"category\":\"" + sku + "\",\"quantity\":" + quantity + ",\"listPrice\":\""
        + price + "\",\"unitPrice\":\"" + price + "\"}]}";
  }

  /** M1's and X9's lines as the review reads them; M2's as a batch's evaluate line. */
  private static final String TRANSACTIONS = String.join("\n",
      line("M1", "T1", "2026-11-03T12:00:00", "KNIT", 2, "500.00") + ",\"paid\":\"900.00\"}",
      "{\"contract\":\"loyalty/1\",\"type\":\"evaluate\","
          + line("M2", "T2", "2026-11-05T12:00:00", "TEE", 3, "100.00").substring(1) + "}",
      line("M1", "T0", "2026-10-31T12:00:00", "KNIT", 1, "500.00") + ",\"paid\":\"450.00\"}",
      line("X9", "T9", "2026-11-12T12:00:00", "TEE", 1, "100.00") + "}") + "\n";

  @TempDir
  Path dir;
  private Path members;
  private Path transactions;

  @BeforeEach
  void files() throws Exception {
    members = Files.writeString(dir.resolve("members.ndjson"), MEMBERS);
    transactions = Files.writeString(dir.resolve("november.ndjson"), TRANSACTIONS);
  }

  private static String value(JsonNode review, String figure) {
    return review.path(figure).path("value").asText();
  }

  @Test
  void theReviewOfATinyStoreHasTheFiguresWorkedByHand() throws Exception {
    Run r = loyalty("", "review", "--month", "2026-11", "--store", "S01", "--states",
        members.toString(), transactions.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    JsonNode review = JSON.readTree(r.out());
    assertThat(review.path("month").asText()).isEqualTo("2026-11");
    assertThat(review.path("storeId").asText()).isEqualTo("S01");
    assertThat(review.path("programmeId").asText()).isEqualTo("seeds-default");
    assertThat(value(review, "memberBase")).isEqualTo("3");
    assertThat(value(review, "newMembers")).isEqualTo("1");
    assertThat(value(review, "buyingMembers")).isEqualTo("2");
    assertThat(value(review, "purchases")).isEqualTo("2");
    assertThat(value(review, "units")).isEqualTo("5");
    assertThat(value(review, "spend")).isEqualTo("1200.00");
    assertThat(value(review, "averageTicket")).isEqualTo("600.00");
    assertThat(value(review, "itemsPerPurchase")).isEqualTo("2.50");
    // M1 620 days over 9 gaps: 68.89; M3 31 over 1: 31.00; (68.89 + 31.00) / 2 = 49.945
    assertThat(value(review, "averageDaysBetweenPurchases")).isEqualTo("49.95");
    assertThat(value(review, "topShare")).isEqualTo("0.7500");
    assertThat(value(review, "deadCards")).isEqualTo("1");
    assertThat(value(review, "deadCardRate")).isEqualTo("0.3333");
    assertThat(review.path("transactionsSkipped").asLong()).isEqualTo(2);
    assertThat(review.path("categories").toString()).isEqualTo("[{\"category\":\"KNIT\","
        + "\"purchases\":1,\"unitPrice\":\"500.00\",\"units\":2,\"value\":\"1000.00\","
        + "\"valueShare\":\"0.7692\"},{\"category\":\"TEE\",\"purchases\":1,\"unitPrice\":"
        + "\"100.00\",\"units\":3,\"value\":\"300.00\",\"valueShare\":\"0.2308\"}]");
    assertThat(review.path("newAndOld").get(0).path("spend").asText()).isEqualTo("300.00");
    assertThat(review.path("ageBands").get(2).path("key").asText()).isEqualTo("35-44");
    assertThat(review.path("ageBands").get(2).path("spend").asText()).isEqualTo("900.00");
  }

  @Test
  void lastMonthsReviewWrittenToAFileIsComparedWithAsCsvFromStandardInput() throws Exception {
    Path october = dir.resolve("review-2026-10.json");
    Run before = loyalty("", "review", "--month", "2026-10", "--store", "S01", "--states",
        members.toString(), "--out", october.toString(), transactions.toString());
    Run csv = loyalty(TRANSACTIONS, "review", "--month", "2026-11", "--store", "S01",
        "--states", members.toString(), "--previous", october.toString(), "--format", "csv");

    assertThat(before.exit()).isZero();
    assertThat(before.out()).isEmpty();
    assertThat(value(JSON.readTree(october.toFile()), "spend")).isEqualTo("450.00");
    assertThat(csv.exit()).isZero();
    assertThat(csv.err()).isEmpty();
    assertThat(csv.out()).startsWith("""
        section,key,figure,value,previous,change
        review,,month,2026-11,,
        review,,store,S01,,
        review,,currency,CNY,,
        summary,,memberBase,3,2,1
        summary,,newMembers,1,0,1
        summary,,buyingMembers,2,1,1
        summary,,purchases,2,1,1
        summary,,purchaseFrequency,1.00,1.00,0.00
        summary,,units,5,1,4
        summary,,itemsPerPurchase,2.50,1.00,1.50
        summary,,spend,1200.00,450.00,750.00
        summary,,averageTicket,600.00,450.00,150.00
        summary,,averageDaysBetweenPurchases,49.95,49.95,0.00
        summary,,topShare,0.7500,1.0000,-0.2500
        summary,,deadCards,1,1,0
        summary,,deadCardRate,0.3333,0.5000,-0.1667
        summary,,earlierSalesReturns,0,0,0
        summary,,earlierSalesReturnedUnits,0,0,0
        summary,,earlierSalesRefunds,0.00,0.00,0.00
        """);
  }

  @Test
  void thePageForTheMeetingGoesToTheFileNamed() throws Exception {
    Path page = dir.resolve("review.html");
    Run r = loyalty("", "review", "--month", "2026-11", "--store", "S01", "--states",
        members.toString(), "--format", "html", "--out", page.toString(),
        transactions.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(page, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
        .contains("<title>Monthly VIP review 2026-11, store S01</title>", "<svg")
        .doesNotContain("src=\"http", "href=\"http").contains("</html>");
  }

  @Test
  void aBadTransactionLineIsABadInputErrorNamingItsLineAndPath() throws Exception {
    String bad = TRANSACTIONS.replace("\"quantity\":3", "\"quantity\":0");
    Run r = loyalty(bad, "review", "--month", "2026-11", "--states", members.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\",\"kind\":"
        + "\"bad-input\",\"message\":\"transactions line 2: $.transaction.lines[0].quantity = 0:"
        + " expected a whole number of at least 1 (a return lists the units returned as a"
        + " positive number)\",\"path\":\"$.transaction.lines[0].quantity\",\"expected\":\"= 0:"
        + " expected a whole number of at least 1 (a return lists the units returned as a"
        + " positive number)\"}\n");
  }

  @Test
  void aMissingStateFileAWrongFormatAndAMissingMonthAreBadInput() throws Exception {
    Run missing = loyalty("", "review", "--month", "2026-11", "--states",
        dir.resolve("nope.ndjson").toString(), transactions.toString());
    Run format = loyalty("", "review", "--month", "2026-11", "--states", members.toString(),
        "--format", "xml", transactions.toString());
    Run noMonth = loyalty("", "review", "--states", members.toString());

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\",\"kind\":"
        + "\"bad-input\",\"message\":\"cannot read " + dir.resolve("nope.ndjson")
        + ": no such file\"}\n");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\",\"kind\":"
        + "\"bad-input\",\"message\":\"--format xml: expected json, csv or html\"}\n");
    assertThat(noMonth.exit()).isEqualTo(2);
    assertThat(noMonth.err()).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\",\"kind\":"
        + "\"bad-input\",\"message\":\"Missing required option: '--month=YYYY-MM'; see loyalty"
        + " review --help\"}\n");
  }

  @Test
  void helpShowsAnExample() throws Exception {
    Run help = loyalty("", "review", "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: loyalty review ").contains("Example:",
        "loyalty review --month 2026-11", "--previous", "--format");
  }
}
