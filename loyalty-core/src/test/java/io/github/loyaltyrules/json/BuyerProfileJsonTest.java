package io.github.loyaltyrules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The member state's buyer profile (purchase figures, types, layer) as JSON. */
class BuyerProfileJsonTest {

  private static MemberState classified() {
    BuyerProfile buyer = new BuyerProfile(4, 9, Money.of("2310.50", "CNY"), 1, 5,
        Map.of("NEW_ARRIVAL", 6L, "CASUAL", 2L), Set.of("PROMOTION", "NEW_ARRIVAL"),
        BuyerLayer.MID, LocalDate.of(2026, 11, 3));
    return MemberState.newMember(CustomerProfile.anonymous("C-001")).withBuyer(buyer);
  }

  @Test
  void aClassifiedBuyerReadsBackAsWritten() throws Exception {
    String json = LoyaltyJson.write(classified());
    JsonNode buyer = LoyaltyJson.mapper().readTree(json).path("buyer");

    assertThat(LoyaltyJson.readState(json)).isEqualTo(classified());
    assertThat(buyer.path("types").toString()).isEqualTo("[\"NEW_ARRIVAL\",\"PROMOTION\"]");
    assertThat(buyer.path("layer").asText()).isEqualTo("MID");
    assertThat(buyer.path("spend").path("amount").asText()).isEqualTo("2310.50");
    assertThat(buyer.path("tagUnits").path("NEW_ARRIVAL").asLong()).isEqualTo(6);
  }

  @Test
  void aStateWrittenBeforeBuyerProfilesReadsAsNotYetCounted() {
    MemberState old = LoyaltyJson.readState(
        "{ \"schemaVersion\": 3, \"profile\": { \"id\": \"C-001\" } }");

    assertThat(old.buyer()).isEqualTo(BuyerProfile.NONE);
    assertThat(old.buyer().types()).isEmpty();
    assertThat(old.buyer().layer()).isNull();
  }

  @Test
  void moreUnitsOnPromotionThanBoughtAreRefusedAtTheirPath() {
    assertThatThrownBy(() -> LoyaltyJson.readState("""
        { "profile": { "id": "C-001" },
          "buyer": { "purchases": 1, "units": 2, "promotionUnits": 3 } }"""))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("$.buyer.promotionUnits = 3: must not be more than the units, 2");
  }

  @Test
  void anUnknownLayerListsTheLayers() {
    assertThatThrownBy(() -> LoyaltyJson.readState("""
        { "profile": { "id": "C-001" }, "buyer": { "layer": "GOLD" } }"""))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("$.buyer.layer")
        .hasMessageContaining("[CASUAL, MID, HEAVY]");
  }
}
