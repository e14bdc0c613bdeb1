package io.github.loyaltyrules.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.followup.DailyAgenda;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.Answers;
import io.github.loyaltyrules.json.contract.ContractException;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.rules.RuleValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of {@code loyalty serve} (docs/SERVER.md): authenticates, limits and reads each
 * request, hands it to {@link Members}, and answers a result or the contract's error document
 * with the status of its kind. Logs method, path, status and time; never a body, a key or a
 * customer's personal data.
 *
 * <p>Thread-safety: thread-safe; the HTTP server's workers share one instance.
 */
public final class HttpApi implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Set<String> POST_PATHS = java.util.Set.of("/v1/evaluate",
      "/v1/assess", "/v1/quote", "/v1/validate", "/v1/transfer", "/v1/admin/reload");

  private final Members members;
  private final KeyRing keys;
  private final long maxBodyBytes;
  private final Supplier<LoyaltyEngine.Builder> source;
  private final byte[] openApi;
  private volatile boolean stopping;

  /**
   * @param members the members and the engine
   * @param keys the API keys
   * @param maxBodyBytes the largest request body read; a larger one is refused unread
   * @param source what {@code POST /v1/admin/reload} builds
   * @param openApi the OpenAPI description served at {@code /openapi.json}
   */
  public HttpApi(Members members, KeyRing keys, long maxBodyBytes,
      Supplier<LoyaltyEngine.Builder> source, byte[] openApi) {
    this.members = members;
    this.keys = keys;
    this.maxBodyBytes = maxBodyBytes;
    this.source = source;
    this.openApi = openApi.clone();
  }

  /** From now on, new requests get 503 {@code unavailable}; those under way finish. */
  public void stopping() {
    stopping = true;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    int status;
    try (ex) {
      status = route(ex);
    } catch (RuntimeException | IOException e) {
      LOG.warn("{} {} failed: {}", ex.getRequestMethod(), ex.getRequestURI().getPath(),
          e.toString());
      status = 500;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {} {} µs", ex.getRequestMethod(), ex.getRequestURI().getPath(), status,
          (System.nanoTime() - start) / 1000);
    }
  }

  private int route(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    String body = null; // the request's id is read from it for an error only
    try {
      if (path.equals("/health")) {
        allow(ex, method, "GET");
        return health(ex);
      }
      if (path.equals("/openapi.json")) {
        allow(ex, method, "GET");
        return send(ex, 200, openApi);
      }
      if (stopping) {
        throw new Members.Failure(ErrorKind.UNAVAILABLE, "the server is shutting down; send the"
            + " request again to another server or after it restarts");
      }
      ApiKey key = authenticate(ex);
      if (path.startsWith("/v1/members/")) {
        return member(ex, key, method, path.substring("/v1/members/".length()));
      }
      if (path.equals("/v1/agenda")) {
        allow(ex, method, "GET");
        return agenda(ex, key);
      }
      if (!POST_PATHS.contains(path)) {
        // before the method and the body: an unknown path is not found, however it is asked
        throw new Members.Failure(ErrorKind.NOT_FOUND, "no such path: " + shorten(path)
            + "; see /openapi.json for the paths");
      }
      allow(ex, method, "POST");
      if (path.equals("/v1/admin/reload")) {
        // takes no body: a bare POST with no Content-Type reloads too
        return reload(ex, key);
      }
      body = body(ex);
      return switch (path) {
        case "/v1/evaluate", "/v1/assess" -> commit(ex, key, body, path.substring(4));
        case "/v1/quote" -> quote(ex, key, body);
        case "/v1/validate" -> validate(ex, body);
        case "/v1/transfer" -> transfer(ex, key, body);
        default -> throw new Members.Failure(ErrorKind.NOT_FOUND, "no such path: "
            + shorten(path) + "; see /openapi.json for the paths");
      };
    } catch (Members.Failure f) {
      Result.Error e = Result.Error.of(idOf(body), f.kind(), f.getMessage());
      if (f instanceof Status) {
        // the body was left unread: the connection cannot carry another request
        ex.getResponseHeaders().set("Connection", "close");
      }
      return send(ex, f instanceof Status s ? s.status() : statusOf(f.kind()),
          ContractWriter.write(e));
    } catch (RuntimeException e) {
      if (!(e instanceof io.github.loyaltyrules.LoyaltyException)) {
        LOG.error("{} {} failed", method, path, e);
      }
      return error(ex, Answers.error(idOf(body), e, true));
    }
  }

  private static @Nullable String idOf(@Nullable String body) {
    return body == null ? null : ContractReader.idOf(body);
  }

  // ------------------------------------------------------------------ routes

  private int commit(HttpExchange ex, ApiKey key, String body, String type) throws IOException {
    Request r = members.reader().read(body);
    if (!r.type().equals(type)) {
      throw new ContractException("$.type", "= '" + r.type() + "': expected " + type
          + " at /v1/" + type);
    }
    Request.MemberRequest m = (Request.MemberRequest) r;
    if (m instanceof Request.Evaluate e) {
      mayActFor(key, e.transaction().storeId(), "evaluate a transaction of store");
    } else {
      mayReadMember(key, m.memberId());
    }
    return send(ex, 200, members.commit(m, body));
  }

  private int quote(HttpExchange ex, ApiKey key, String body) throws IOException {
    Request r = members.reader().read(body);
    if (!(r instanceof Request.Quote q)) {
      throw new ContractException("$.type", "= '" + r.type() + "': expected quote at /v1/quote");
    }
    mayActFor(key, q.sale().storeId(), "quote a sale of store");
    return send(ex, 200, members.quote(q));
  }

  private int validate(HttpExchange ex, String body) throws IOException {
    Request r = members.reader().read(body);
    if (!(r instanceof Request.Validate v)) {
      throw new ContractException("$.type", "= '" + r.type()
          + "': expected validate at /v1/validate");
    }
    RuleValidator validator = v.defaultPack() ? RuleValidator.withDefaultRules()
        : RuleValidator.alone();
    return send(ex, 200, ContractWriter.write(Result.Validated.of(v.id(),
        validator.validate(v.rules()).problems())));
  }

  private int transfer(HttpExchange ex, ApiKey key, String body) throws IOException {
    TransferRequest t = TransferRequest.read(body);
    mayActFor(key, t.storeId(), "transfer points at store");
    return send(ex, 200, members.transfer(t, body));
  }

  private int reload(HttpExchange ex, ApiKey key) throws IOException {
    admin(key, "reload the rules and the programme");
    EngineVersion v = members.reloadable().reload(source.get());
    ObjectNode n = JSON.createObjectNode();
    n.put("engine", v.toString());
    return send(ex, 200, n.toString());
  }

  private int member(HttpExchange ex, ApiKey key, String method, String rest)
      throws IOException {
    String memberId = decode(rest.endsWith("/profile")
        ? rest.substring(0, rest.length() - "/profile".length()) : rest);
    if (memberId.isEmpty() || memberId.contains("/")) {
      throw new Members.Failure(ErrorKind.NOT_FOUND, "no such path: /v1/members/"
          + shorten(rest) + "; expected /v1/members/{id} or /v1/members/{id}/profile");
    }
    if (rest.endsWith("/profile")) {
      allow(ex, method, "PUT");
      admin(key, "change a member's profile");
      String body = body(ex);
      // the error document's path is a JSON path: malformed JSON is at "$ (line 1, column 2)"
      CustomerProfile profile = LoyaltyJson.read(body, CustomerProfile.class, "profile",
          (at, problem, cause) -> new ContractException("profile", at.startsWith("$") ? at
              : "$ (" + at + ")", problem, cause));
      if (!profile.id().equals(memberId)) {
        throw new ContractException("$.id", "= '" + shorten(profile.id())
            + "': expected the member id of the path, '" + shorten(memberId) + "'");
      }
      StoredMember m = members.profile(profile, body);
      ex.getResponseHeaders().set("ETag", "\"" + m.version() + "\"");
      return send(ex, m.version() == 1 ? 201 : 200, m.state());
    }
    allow(ex, method, "GET");
    StoredMember m = members.load(memberId);
    if (m == null) {
      throw new Members.Failure(ErrorKind.NOT_FOUND, "member " + shorten(memberId)
          + " is not stored");
    }
    if (!key.isAdmin() && !key.mayActFor(m.homeStore())) {
      throw forbidden(key, "read a member of store " + m.homeStore());
    }
    ex.getResponseHeaders().set("ETag", "\"" + m.version() + "\"");
    return send(ex, 200, m.state());
  }

  private int agenda(HttpExchange ex, ApiKey key) throws IOException {
    Map<String, String> q = query(ex.getRequestURI());
    String store = q.get("store");
    if (store == null || store.isBlank()) {
      // a query parameter has no JSON path: the error document's path is for the body's fields
      throw new Members.Failure(ErrorKind.BAD_INPUT, "query parameter store is missing; expected"
          + " ?store=S01&date=2026-12-07");
    }
    mayActFor(key, store, "read the agenda of store");
    String date = q.get("date");
    LocalDate day;
    try {
      day = date == null ? members.today() : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new Members.Failure(ErrorKind.BAD_INPUT, "query parameter date = '" + shorten(date)
          + "': expected a date such as 2026-12-07");
    }
    DailyAgenda agenda = DailyAgenda.build(store, day, new Feed(members, store));
    return send(ex, 200, ContractWriter.write(Result.AgendaBuilt.of(q.get("id"), agenda)));
  }

  private int health(HttpExchange ex) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("engine", members.engine().version().toString());
    try {
      n.put("store", members.store().check());
      n.put("status", "ok");
      return send(ex, 200, n.toString());
    } catch (RuntimeException e) {
      n.put("status", "store unreachable");
      return send(ex, 503, n.toString());
    }
  }

  // ------------------------------------------------------------------ checks

  private ApiKey authenticate(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    Optional<ApiKey> key = keys.authenticate(header);
    if (key.isEmpty()) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      throw new Members.Failure(ErrorKind.UNAUTHORIZED, header == null
          ? "no API key: send the header Authorization: Bearer <key> (loyalty keys add)"
          : "the API key is not known to this server; check the key or ask for a new one");
    }
    return key.get();
  }

  private static void admin(ApiKey key, String what) {
    if (!key.isAdmin()) {
      throw forbidden(key, what);
    }
  }

  private static void mayActFor(ApiKey key, @Nullable String store, String what) {
    if (!key.mayActFor(store)) {
      throw forbidden(key, what + " " + store);
    }
  }

  private void mayReadMember(ApiKey key, String memberId) {
    if (key.isAdmin()) {
      return;
    }
    StoredMember m = members.load(memberId);
    if (m != null && !key.mayActFor(m.homeStore())) {
      throw forbidden(key, "act for a member of store " + m.homeStore());
    }
  }

  private static Members.Failure forbidden(ApiKey key, String what) {
    return new Members.Failure(ErrorKind.FORBIDDEN, "key " + key.name() + " ("
        + key.role().name().toLowerCase(Locale.ROOT) + (key.store() == null ? ""
        : " of store " + key.store()) + ") may not " + what);
  }

  /**
   * A method the path does not take is {@code 405} with the {@code Allow} header and the error
   * document of kind {@code bad-input} (the request is wrong, the path exists).
   */
  private static void allow(HttpExchange ex, String method, String allowed) {
    if (!method.equals(allowed)) {
      ex.getResponseHeaders().set("Allow", allowed);
      throw new Status(405, ErrorKind.BAD_INPUT, "method " + shorten(method) + " is not allowed"
          + " on " + shorten(ex.getRequestURI().getPath()) + "; send " + allowed);
    }
  }

  /** The body, refused unread when it says it is too large, or when it grows past the limit. */
  private String body(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).replace(" ", "")
        .matches("application/json(;charset=(\"?)utf-8\\2)?")) {
      throw new Status(415, ErrorKind.BAD_INPUT, "Content-Type "
          + (type == null ? "is missing" : "= '" + shorten(type) + "'")
          + "; expected application/json (UTF-8)");
    }
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long n;
      try {
        n = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new Status(400, ErrorKind.BAD_INPUT, "Content-Length = '" + shorten(length)
            + "' is not a number");
      }
      if (n > maxBodyBytes) {
        throw tooLarge();
      }
    }
    InputStream in = ex.getRequestBody();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    for (int r; (r = in.read(buf)) > 0; ) {
      total += r;
      if (total > maxBodyBytes) {
        throw tooLarge();
      }
      out.write(buf, 0, r);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private Status tooLarge() {
    return new Status(413, ErrorKind.BAD_INPUT, "the request body is larger than "
        + maxBodyBytes + " bytes, the server's limit (serve --max-body)");
  }

  // ------------------------------------------------------------------ answers

  private static int error(HttpExchange ex, Result.Error e) throws IOException {
    return send(ex, statusOf(e.kind()), ContractWriter.write(e));
  }

  /** The HTTP status of an error of {@code kind} (docs/SERVER.md). */
  public static int statusOf(ErrorKind kind) {
    return switch (kind) {
      case BAD_INPUT -> 400;
      case UNAUTHORIZED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case REFUSED -> 422;
      case UNAVAILABLE -> 503;
      case RULE_ERROR, INTERNAL -> 500;
    };
  }

  private static int send(HttpExchange ex, int status, String body) throws IOException {
    return send(ex, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static int send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", JSON_TYPE);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
    return status;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        q.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return q;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Members.Failure(ErrorKind.BAD_INPUT, "'" + shorten(s) + "' is not URL-encoded"
          + " correctly");
    }
  }

  private static String shorten(@Nullable String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 40 ? s : s.substring(0, 40) + "\u2026";
  }

  /** A failure with its own HTTP status (405, 413, 415). */
  static final class Status extends Members.Failure {
    private static final long serialVersionUID = 1L;
    private final int status;

    Status(int status, ErrorKind kind, String message) {
      super(kind, message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /**
   * The members of a store, read by a thread of their own into a short queue, so that an agenda
   * over many members holds a few states at a time.
   */
  private static final class Feed implements java.util.Iterator<MemberState> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
    private @Nullable Object next;

    Feed(Members members, String store) {
      Thread t = new Thread(() -> {
        try {
          members.forEachState(store, this::put);
          put(END);
        } catch (RuntimeException e) {
          put(e);
        }
      }, "loyalty-agenda-feed");
      t.setDaemon(true);
      t.start();
    }

    private void put(Object o) {
      try {
        if (!queue.offer(o, 60, TimeUnit.SECONDS)) {
          throw new UncheckedIOException(new IOException("the agenda stopped reading"));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return next != END;
    }

    @Override
    public MemberState next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      MemberState s = (MemberState) java.util.Objects.requireNonNull(next);
      next = null;
      return s;
    }
  }
}
