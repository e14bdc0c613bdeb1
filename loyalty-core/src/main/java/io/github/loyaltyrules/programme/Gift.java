package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * A gift of the programme's catalogue that members can take for points (DOMAIN.md §2).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param code the code a redemption names
 * @param name what the shop floor calls it
 * @param points its price in points
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Gift(String code, String name, long points) {

  public Gift {
    Check.notBlank("points.gifts.code", code);
    name = name == null || name.isBlank() ? code : name;
    if (points < 1) {
      throw new InvalidValueException("points.gifts[" + code + "].points", points,
          "must be at least 1");
    }
  }
}
