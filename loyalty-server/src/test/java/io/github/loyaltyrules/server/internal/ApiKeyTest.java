package io.github.loyaltyrules.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.server.KeyRole;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
  @Test
  void tillKeyMayActForItsOwnStoreOnly() {
    ApiKey till = new ApiKey("till-s01-1", KeyRole.TILL, "S01");

    assertThat(till.mayActFor("S01")).isTrue();
    assertThat(till.mayActFor("S02")).isFalse();
    assertThat(till.mayActFor("s01")).isFalse();
    assertThat(till.mayActFor(null)).isFalse();
    assertThat(till.isAdmin()).isFalse();
  }

  @Test
  void adminKeyMayActForAnyStoreAndNone() {
    ApiKey admin = new ApiKey("office", KeyRole.ADMIN, null);

    assertThat(admin.mayActFor("S01")).isTrue();
    assertThat(admin.mayActFor("S02")).isTrue();
    assertThat(admin.mayActFor(null)).isTrue();
    assertThat(admin.isAdmin()).isTrue();
  }

  @Test
  void tillKeyWithoutStoreIsRefused() {
    assertThatThrownBy(() -> new ApiKey("t", KeyRole.TILL, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("store = null: a till key needs a store id of 1 to 64 letters, digits,"
            + " . _ -");
  }

  @Test
  void storeIdMayBeInAnyScript() {
    assertThat(new ApiKey("t", KeyRole.TILL, "上海-01").mayActFor("上海-01")).isTrue();
  }

  @Test
  void keyWithoutRoleIsRefused() {
    assertThatThrownBy(() -> new ApiKey("t", null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("role = null: must be till or admin");
  }
}
