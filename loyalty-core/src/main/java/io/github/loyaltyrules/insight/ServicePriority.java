package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Tier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a call centre or service desk treats a member (DOMAIN.md §7): whether they are a VIP, the
 * queue they go to, their rank in it, and their own associate. VIPs are the holders of
 * {@code insight.service.vipFromTier} and above (by default every tier above the base, the
 * points member); they go to the VIP queue of the best agents, and when it is full they overflow
 * to the general queue, answered before ordinary callers (a higher {@code rank} is answered
 * first: the tier's rank for a VIP, 0 for the others). The associate is the profile's own, else
 * the one who served most of the member's purchases.
 *
 * <p>{@link #route} says where one call goes; when the member's associate is busy and the member
 * declines to be passed to someone else, the answer is a call-back, which the host records with
 * {@link CallBack#notice} so the engine schedules it as a follow-up under the contact policy.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param memberId the member
 * @param tier the member's tier; null without a card
 * @param vip whether the member is a VIP
 * @param queue the queue the member's calls go to
 * @param rank the member's place in the general queue: higher is answered first
 * @param associateId the member's own associate, else the one who served them most; null if none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record ServicePriority(String memberId, @Nullable String tier, boolean vip, Queue queue, int rank,
    @Nullable String associateId) {

  /** The queues of a call centre. Thread-safety: an enum, immutable and safe to share. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public enum Queue {
    /** The queue of the best agents, for VIPs. */
    VIP,
    /** Everybody else; VIPs who overflow are answered first. */
    GENERAL
  }

  /** Where one call goes. Thread-safety: an enum, immutable and safe to share. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public enum Route {
    /** To the member's own associate, who is free. */
    OWN_ASSOCIATE,
    /** To the VIP queue. */
    VIP_QUEUE,
    /** The VIP queue is full: to the general queue, ahead of ordinary callers. */
    GENERAL_QUEUE_AHEAD,
    /** To the general queue. */
    GENERAL_QUEUE,
    /** The associate is busy and the member declined a transfer: ring them back. */
    CALL_BACK
  }

  public ServicePriority {
    Check.notBlank("servicePriority.memberId", memberId);
    Check.notNull("servicePriority.queue", queue);
  }

  /** The service priority of the member in {@code state} under {@code programme}. */
  public static ServicePriority of(Programme programme, MemberState state) {
    Check.notNull("programme", programme);
    Check.notNull("state", state);
    String code = programme.insight().service().vipFromTier();
    Tier from = code == null ? programme.tierAbove(programme.baseTier()) : programme.tier(code);
    Tier tier = state.card() == null || !state.card().isActive() ? null
        : programme.tier(state.card().tier());
    boolean vip = tier != null && from != null && tier.rank() >= from.rank();
    String associate = state.profile().associateId() != null ? state.profile().associateId()
        : state.activity().servedMostBy();
    return new ServicePriority(state.memberId(), tier == null ? null : tier.code(), vip,
        vip ? Queue.VIP : Queue.GENERAL, vip && tier != null ? tier.rank() : 0, associate);
  }

  /**
   * Where a call goes: to the member's own associate when they are free; when the associate is
   * busy, to a call-back if the member declines a transfer, else on as a member without one
   * would go: a VIP to the VIP queue, or ahead in the general queue when it is full; others to
   * the general queue.
   *
   * @param associateFree whether the member's associate can take the call now
   * @param vipQueueFull whether the VIP queue has no room
   * @param acceptsTransfer whether the member accepts another agent
   */
  public Route route(boolean associateFree, boolean vipQueueFull, boolean acceptsTransfer) {
    if (associateId != null) {
      if (associateFree) {
        return Route.OWN_ASSOCIATE;
      }
      if (!acceptsTransfer) {
        return Route.CALL_BACK;
      }
    }
    if (!vip) {
      return Route.GENERAL_QUEUE;
    }
    return vipQueueFull ? Route.GENERAL_QUEUE_AHEAD : Route.VIP_QUEUE;
  }
}
