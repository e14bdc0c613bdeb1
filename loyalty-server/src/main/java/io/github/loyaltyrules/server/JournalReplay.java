package io.github.loyaltyrules.server;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.TransferOutcome;
import io.github.loyaltyrules.server.internal.JournalEntry;
import io.github.loyaltyrules.server.internal.MemberStore;
import io.github.loyaltyrules.server.internal.MemberStores;
import io.github.loyaltyrules.server.internal.TransferRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Replays a server's journal into fresh states and compares them with the stored ones
 * ({@code loyalty replay}, docs/SERVER.md): every committed request again, in commit order, from
 * new members. As the engine is a function of state and request, a store whose states equal the
 * replay holds exactly what the journal says, each transaction once. Replay with the rules and
 * programme that served (the journal names each entry's engine version).
 *
 * <p>Thread-safety: stateless; each call opens the store itself.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public final class JournalReplay {
  private JournalReplay() {}

  /**
   * What a replay found.
   *
   * @param entries journal entries replayed
   * @param members members replayed
   * @param differing members whose stored state differs from the replay, in id order
   * @param states the replayed states by member id (only the member asked for, when one was)
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public record Report(long entries, int members, List<String> differing,
      Map<String, MemberState> states) {
    public Report {
      differing = List.copyOf(differing);
      states = java.util.Collections.unmodifiableMap(new TreeMap<>(states));
    }

    /** Whether every stored state equals its replay. */
    public boolean matches() {
      return differing.isEmpty();
    }
  }

  /**
   * Replays the journal of the store in {@code dataDir} (or at {@code storeUrl}) with
   * {@code engine}.
   *
   * @param memberId the member whose state the report keeps, or null for every member
   */
  public static Report replay(LoyaltyEngine engine, Path dataDir, @Nullable String storeUrl,
      @Nullable String memberId) {
    try (MemberStore store = MemberStores.open(storeUrl, dataDir)) {
      return replay(engine, store, memberId);
    }
  }

  /** Replays the journal of {@code store}; the store stays open. */
  static Report replay(LoyaltyEngine engine, MemberStore store, @Nullable String memberId) {
    ContractReader reader = ContractReader.of(engine.programme()).forStoredMembers();
    Map<String, MemberState> states = new TreeMap<>();
    Set<String> transfers = new HashSet<>();
    long[] count = {0};
    store.forEachEntry(e -> {
      count[0]++;
      try {
        apply(engine, reader, states, transfers, e);
      } catch (RuntimeException failure) {
        throw new LoyaltyException("journal entry " + e.seq() + " (" + e.kind() + " " + e.key()
            + " of member " + e.memberId() + ") does not replay: " + failure.getMessage()
            + "; replay with the programme and rules that served it (" + e.engineVersion() + ")",
            failure);
      }
    });
    List<String> differing = new ArrayList<>();
    store.forEachMember(m -> {
      MemberState replayed = states.get(m.memberId());
      if (replayed == null || !LoyaltyJson.write(replayed).equals(m.state())) {
        differing.add(m.memberId());
      }
    });
    int members = states.size();
    if (memberId != null) {
      MemberState one = states.get(memberId);
      states.clear();
      if (one != null) {
        states.put(memberId, one);
      }
    }
    return new Report(count[0], members, differing, states);
  }

  private static void apply(LoyaltyEngine engine, ContractReader reader,
      Map<String, MemberState> states, Set<String> transfers, JournalEntry e) {
    String id = e.memberId();
    switch (e.kind()) {
      case "enrol" -> states.put(id, MemberState.newMember(profile(e)));
      case "profile" -> states.put(id, known(states, id).withProfile(profile(e)));
      case "evaluate", "assess" -> {
        Request.MemberRequest r = (Request.MemberRequest) reader.read(e.request());
        MemberState state = states.get(id);
        if (state == null) {
          state = r.state(); // the request enrolled the member
        }
        if (state == null) {
          throw new LoyaltyException("the member has no state before this entry");
        }
        MemberState next = r instanceof Request.Evaluate ev
            ? engine.evaluate(state, ev.transaction()).state()
            : engine.assess(state, ((Request.Assess) r).date()).state();
        states.put(id, next);
      }
      case "transfer" -> {
        TransferRequest t = TransferRequest.read(e.request());
        if (transfers.add(t.transferId() + "\u0000" + t.giver())) {
          TransferOutcome o = engine.transfer(known(states, t.giver()),
              known(states, t.receiver()), t.points(), t.transferId(), t.time(), t.storeId());
          states.put(t.giver(), o.giver().state());
          states.put(t.receiver(), o.receiver().state());
        }
      }
      default -> throw new LoyaltyException("unknown kind of entry: " + e.kind());
    }
  }

  private static CustomerProfile profile(JournalEntry e) {
    return LoyaltyJson.read(e.request(), CustomerProfile.class, "profile");
  }

  private static MemberState known(Map<String, MemberState> states, String id) {
    MemberState s = states.get(id);
    if (s == null) {
      throw new LoyaltyException("member " + id + " has no state before this entry");
    }
    return s;
  }
}
