package io.github.loyaltyrules.server.internal;

import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.ReloadableEngine;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.Answers;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TransferOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members the server keeps: reads a member's state from the store, has the engine decide,
 * and commits the new state with its journal entry, one request of a member at a time and in
 * arrival order (a fair lock per member, striped). A request whose key is journaled already is
 * answered with the journaled result, byte for byte; the same key with other content is a
 * conflict. A commit that finds the member moved on (another server process on the same
 * database) is decided again on the new state, so a till never sees a conflict it did not cause.
 *
 * <p>Thread-safety: thread-safe; one instance serves every request.
 */
public final class Members {
  private static final Logger LOG = LoggerFactory.getLogger(Members.class);
  /** How often a commit is decided again when other processes keep moving the member on. */
  private static final int TRIES = 20;
  private static final int STRIPES = 4096;

  private final MemberStore store;
  private final ReloadableEngine engine;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  /**
   * The states last read or committed, parsed, by member and version: a member's next request
   * reads the row as ever (the version tells whether it is still the member's) but not its JSON
   * again. Bounded: past {@link #CACHED} members, an eighth of them are dropped.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Parsed> parsed =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CACHED = 20_000;

  /** A member's state at a version. */
  private record Parsed(long version, MemberState state) {}

  public Members(MemberStore store, ReloadableEngine engine, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock(true); // fair: waiting requests go in arrival order
    }
  }

  /** The store. */
  public MemberStore store() {
    return store;
  }

  /** The engine serving now. */
  public LoyaltyEngine engine() {
    return engine.current();
  }

  /** The reloadable engine. */
  public ReloadableEngine reloadable() {
    return engine;
  }

  /** A reader of requests for the programme serving now. */
  public ContractReader reader() {
    return ContractReader.of(engine.current().programme()).forStoredMembers();
  }

  /** A failure with its error document's kind. */
  public static class Failure extends io.github.loyaltyrules.LoyaltyException {
    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;

    public Failure(ErrorKind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public ErrorKind kind() {
      return kind;
    }
  }

  private ReentrantLock lockOf(String memberId) {
    return locks[Math.floorMod(memberId.hashCode() * 0x9E3779B9, STRIPES)];
  }

  /** The stored member, or null. */
  public @Nullable StoredMember load(String memberId) {
    return store.load(memberId);
  }

  /**
   * Evaluates or assesses for the stored member (or the member the request enrols), commits the
   * new state with a journal entry and answers the result; a retry gets the journaled answer.
   */
  public String commit(Request.MemberRequest request, String requestJson) {
    String memberId = request.memberId();
    String key;
    String kind;
    String digest;
    if (request instanceof Request.Evaluate e) {
      key = e.transaction().id();
      kind = "evaluate";
      digest = digest(LoyaltyJson.write(e.transaction()));
    } else if (request instanceof Request.Assess a) {
      key = "assess:" + a.date();
      kind = "assess";
      digest = digest(key);
    } else {
      throw new IllegalArgumentException("not a committing request: " + request.type());
    }
    ReentrantLock lock = lockOf(memberId);
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        // the journal entry and the member in one read
        MemberStore.Lookup found = store.lookup(memberId, key);
        String journaled = journaled(found.digest(), found.result(), memberId, key, digest);
        if (journaled != null) {
          return journaled;
        }
        StoredMember stored = found.member();
        MemberState state = stateOf(stored, request.state(), memberId);
        LoyaltyEngine e = engine.current();
        Outcome outcome = request instanceof Request.Evaluate ev
            ? e.evaluate(state, ev.transaction())
            : e.assess(state, ((Request.Assess) request).date());
        // the result leaves the state out: the member reads it with GET /v1/members/{id}
        String body = ContractWriter.write(request instanceof Request.Evaluate
            ? Result.Evaluated.of(request.id(), outcome, false)
            : Result.Assessed.of(request.id(), outcome, false));
        MemberState next = outcome.state();
        Commit c = new Commit(List.of(write(stored, next)), List.of(entry(memberId, key, kind,
            digest, requestJson, body, e.version())));
        try {
          store.commit(c);
          committed(stored, next);
          return body;
        } catch (StaleStateException | DuplicateKeyException moved) {
          if (attempt >= TRIES) {
            throw new Failure(ErrorKind.UNAVAILABLE, "member " + memberId + " kept changing"
                + " under " + TRIES + " attempts to commit " + key + "; send it again");
          }
          LOG.debug("member {} moved on under {}: deciding again", memberId, key);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Quotes for the stored member, or the member the request enrols; changes nothing. */
  public String quote(Request.Quote request) {
    StoredMember stored = store.load(request.memberId());
    MemberState state = stateOf(stored, request.state(), request.memberId());
    return ContractWriter.write(Answers.quote(engine.current(), state, request));
  }

  /**
   * Moves points from one member to another, both locked in member id order, committed
   * together, idempotent by the transfer's id.
   */
  public String transfer(TransferRequest t, String requestJson) {
    String digest = digest(t.giver() + "\u0000" + t.receiver() + "\u0000" + t.points() + "\u0000"
        + t.time() + "\u0000" + t.storeId());
    String first = t.giver().compareTo(t.receiver()) <= 0 ? t.giver() : t.receiver();
    String second = first.equals(t.giver()) ? t.receiver() : t.giver();
    ReentrantLock a = lockOf(first);
    ReentrantLock b = lockOf(second);
    // two members on one stripe share its lock; ReentrantLock lets the second lock() pass
    a.lock();
    try {
      b.lock();
      try {
        for (int attempt = 1; ; attempt++) {
          String journaled = journaled(t.giver(), t.transferId(), digest);
          if (journaled != null) {
            return journaled;
          }
          StoredMember giver = known(t.giver());
          StoredMember receiver = known(t.receiver());
          LoyaltyEngine e = engine.current();
          TransferOutcome o = e.transfer(readState(giver), readState(receiver), t.points(),
              t.transferId(), t.time(), t.storeId());
          String body = TransferRequest.result(t, o);
          EngineVersion v = e.version();
          Commit c = new Commit(List.of(write(giver, o.giver().state()),
              write(receiver, o.receiver().state())),
              List.of(entry(t.giver(), t.transferId(), "transfer", digest, requestJson, body, v),
                  entry(t.receiver(), t.transferId(), "transfer", digest, requestJson, body, v)));
          try {
            store.commit(c);
            committed(giver, o.giver().state());
            committed(receiver, o.receiver().state());
            return body;
          } catch (StaleStateException | DuplicateKeyException moved) {
            if (attempt >= TRIES) {
              throw new Failure(ErrorKind.UNAVAILABLE, "members kept changing under " + TRIES
                  + " attempts to commit transfer " + t.transferId() + "; send it again");
            }
          }
        }
      } finally {
        b.unlock();
      }
    } finally {
      a.unlock();
    }
  }

  /**
   * Sets a member's profile (and consents), enrolling the member when not stored yet; journaled
   * without a key. Returns the stored state and whether the member is new.
   */
  public StoredMember profile(CustomerProfile profile, String requestJson) {
    String memberId = profile.id();
    ReentrantLock lock = lockOf(memberId);
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        StoredMember stored = store.load(memberId);
        MemberState next = stored == null ? MemberState.newMember(profile)
            : readState(stored).withProfile(profile);
        String state = LoyaltyJson.write(next);
        Commit c = new Commit(List.of(write(stored, next)), List.of(entry(memberId, null,
            stored == null ? "enrol" : "profile", digest(requestJson), requestJson, "{}",
            engine.current().version())));
        try {
          store.commit(c);
          committed(stored, next);
          return new StoredMember(memberId, homeStore(next),
              stored == null ? 1 : stored.version() + 1, state);
        } catch (StaleStateException moved) {
          if (attempt >= TRIES) {
            throw new Failure(ErrorKind.UNAVAILABLE, "member " + memberId + " kept changing; "
                + "send the profile again");
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The members of {@code storeId}, read one at a time. */
  public void forEachState(String storeId, java.util.function.Consumer<MemberState> sink) {
    store.forEachState(storeId, json -> sink.accept(readState(json)));
  }

  private @Nullable String journaled(String memberId, String key, String digest) {
    JournalEntry done = store.find(memberId, key);
    return done == null ? null : journaled(done.digest(), done.result(), memberId, key, digest);
  }

  /** The journaled answer when there is an entry under the key, if it has the same digest. */
  private static @Nullable String journaled(@Nullable String doneDigest,
      @Nullable String doneResult, String memberId, String key, String digest) {
    if (doneDigest == null || doneResult == null) {
      return null;
    }
    if (!doneDigest.equals(digest)) {
      throw new Failure(ErrorKind.CONFLICT, "transaction id " + key + " was committed for member "
          + memberId + " with other content; a retry must send the same content, a new"
          + " transaction a new id");
    }
    return doneResult;
  }

  private StoredMember known(String memberId) {
    StoredMember m = store.load(memberId);
    if (m == null) {
      throw new Failure(ErrorKind.NOT_FOUND, "member " + memberId + " is not stored; enrol the"
          + " member with a profile first");
    }
    return m;
  }

  private MemberState stateOf(@Nullable StoredMember stored, @Nullable MemberState enrol,
      String memberId) {
    if (stored != null) {
      return readState(stored);
    }
    if (enrol == null) {
      throw new Failure(ErrorKind.NOT_FOUND, "member " + memberId + " is not stored; send a"
          + " profile with the member's first request to enrol the member");
    }
    return enrol;
  }

  private MemberState readState(StoredMember m) {
    Parsed p = parsed.get(m.memberId());
    if (p != null && p.version() == m.version()) {
      return p.state();
    }
    MemberState s = readState(m.state());
    remember(m.memberId(), m.version(), s);
    return s;
  }

  private void remember(String memberId, long version, MemberState state) {
    if (parsed.size() >= CACHED) {
      int drop = CACHED / 8;
      for (java.util.Iterator<String> it = parsed.keySet().iterator(); it.hasNext() && drop > 0;
          drop--) {
        it.next();
        it.remove();
      }
    }
    parsed.put(memberId, new Parsed(version, state));
  }

  /** After a commit: {@code state} is the member's at the version after {@code stored}'s. */
  private void committed(@Nullable StoredMember stored, MemberState state) {
    remember(state.memberId(), stored == null ? 1 : stored.version() + 1, state);
  }

  private static MemberState readState(String json) {
    return LoyaltyJson.readState(json);
  }

  private static Commit.MemberWrite write(@Nullable StoredMember stored, MemberState next) {
    return new Commit.MemberWrite(next.memberId(), homeStore(next),
        stored == null ? 0 : stored.version(), LoyaltyJson.write(next));
  }

  private static @Nullable String homeStore(MemberState s) {
    return s.profile().homeStore();
  }

  private JournalEntry entry(String memberId, @Nullable String key, String kind, String digest,
      String request, String result, EngineVersion version) {
    return new JournalEntry(0, memberId, key, kind, digest, request, result, version.toString(),
        clock.instant());
  }

  /** The hex SHA-256 of {@code text}. */
  public static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** The goods of the warm-up's sales: sku, category, list price, unit price. */
  private static final String[][] WARM_UP_SHELF = {
      {"TS-010", "TOPS", "129", "129"}, {"TS-022", "TOPS", "199", "179"},
      {"KN-101", "KNITWEAR", "800", "720"}, {"KN-140", "KNITWEAR", "459", "459"},
      {"SC-005", "ACCESSORIES", "150", "120"}, {"SK-002", "SOCKS", "39", "39"},
      {"BG-050", "BAGS", "301", "301"}, {"CT-300", "COATS", "1299", "1099"},
      {"JN-200", "TROUSERS", "399", "359"}, {"SH-070", "SHOES", "699", "699"}};

  /** How many sales a warm-up member makes before the next member starts. */
  private static final int WARM_UP_HISTORY = 40;

  /**
   * Runs the work of evaluations and quotes on synthetic five-line sales for throwaway members,
   * for up to {@code budget}, so that the JIT compiler has compiled the engine's and the JSON's
   * paths before the first till is served: requests read from JSON as the server reads them,
   * evaluated, their results and the new states written and read back, quotes every fifth, and
   * a read of the store for a member id no till sends. Nothing is stored and nothing is
   * journaled. A programme that refuses the synthetic sales ends the warm-up early; it never
   * fails.
   *
   * @param budget how long at most
   * @param maxSales how many sales at most
   * @param seed picks the baskets, and names the throwaway members
   * @return the sales evaluated and quoted
   */
  public int warmUp(java.time.Duration budget, int maxSales, int seed) {
    long end = System.nanoTime() + budget.toNanos();
    java.util.Random random = new java.util.Random(seed);
    LoyaltyEngine e = engine.current();
    ContractReader reader = reader();
    int digits = Math.max(0, e.programme().currency().getDefaultFractionDigits());
    String currency = e.programme().currency().getCurrencyCode();
    java.time.OffsetDateTime time = java.time.OffsetDateTime.now(clock).minusDays(1)
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    MemberState state = null;
    int done = 0;
    try {
      while (done < maxSales && System.nanoTime() < end) {
        String memberId = "warm-up-" + seed + "-" + done / WARM_UP_HISTORY;
        if (done % WARM_UP_HISTORY == 0) {
          state = null;
        }
        time = time.plusSeconds(10);
        boolean quote = done % 5 == 4;
        String body = warmUpRequest(random, quote, memberId, "W" + done, time, currency,
            digits);
        Request.MemberRequest r = (Request.MemberRequest) reader.read(body);
        MemberState current = state != null ? state : r.state();
        if (current == null) {
          return done;
        }
        if (r instanceof Request.Quote q) {
          ContractWriter.write(Answers.quote(e, current, q));
        } else {
          Request.Evaluate ev = (Request.Evaluate) r;
          digest(LoyaltyJson.write(ev.transaction()));
          Outcome outcome = e.evaluate(current, ev.transaction());
          ContractWriter.write(Result.Evaluated.of(ev.id(), outcome, false));
          state = readState(LoyaltyJson.write(outcome.state()));
        }
        if (done % 10 == 0) {
          store.lookup(memberId, "W" + done);
        }
        if (done == 0) {
          LOG.info("warm-up {}: the first sale took {} ms", seed,
              (System.nanoTime() - (end - budget.toNanos())) / 1_000_000);
        }
        done++;
      }
    } catch (RuntimeException refused) {
      LOG.info("warm-up ended after {} sales: {}", done, refused.getMessage());
    }
    return done;
  }

  private static String warmUpRequest(java.util.Random random, boolean quote, String memberId,
      String txn, java.time.OffsetDateTime time, String currency, int digits) {
    StringBuilder lines = new StringBuilder();
    boolean[] picked = new boolean[WARM_UP_SHELF.length];
    for (int n = 0; n < 5; ) {
      int i = random.nextInt(WARM_UP_SHELF.length);
      if (picked[i]) {
        continue;
      }
      picked[i] = true;
      String[] good = WARM_UP_SHELF[i];
      lines.append(n++ == 0 ? "" : ", ").append("{\"sku\": \"").append(good[0])
          .append("\", \"category\": \"").append(good[1]).append("\", \"quantity\": ")
          .append(1 + random.nextInt(3)).append(", \"listPrice\": \"")
          .append(new java.math.BigDecimal(good[2]).setScale(digits).toPlainString())
          .append("\", \"unitPrice\": \"")
          .append(new java.math.BigDecimal(good[3]).setScale(digits).toPlainString())
          .append("\"}");
    }
    return "{\"contract\": \"loyalty/1\", \"type\": \"" + (quote ? "quote" : "evaluate")
        + "\", \"memberId\": \"" + memberId + "\", \"profile\": {\"id\": \"" + memberId
        + "\", \"homeStore\": \"S01\"}, \"" + (quote ? "sale" : "transaction")
        + "\": {\"id\": \"" + txn + "\", \"kind\": \"SALE\", \"time\": \"" + time
        + "\", \"storeId\": \"S01\", \"associateId\": \"A07\", \"currency\": \""
        + currency + "\", \"lines\": [" + lines + "]}}";
  }

  /** Today in the programme's time zone, by the server's clock. */
  public java.time.LocalDate today() {
    return java.time.LocalDate.now(clock.withZone(engine.current().programme().timeZone()));
  }
}
