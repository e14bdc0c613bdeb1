package io.github.loyaltyrules.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.JSR310StringParsableDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.MonthDayDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.internal.Numbers;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the library's values as JSON: member state (which hosts store between calls),
 * transactions and outcomes. Amounts are written as strings ({@code "12.30"}) so that no reader
 * turns them into floating point; numbers are accepted on input and read exactly. Unknown fields
 * are refused, so a misspelt field is reported instead of ignored. Dates are ISO-8601 text.
 *
 * <p>Reading is strict: nothing is coerced. A whole number is not read from {@code 2.999} or
 * {@code "2"}, an enum not from a number or its index ({@code 3}, {@code "0"}), a boolean not
 * from {@code 42} or {@code "true"}, a date or time not from a number or an array; an amount is a
 * JSON number or ASCII text ({@code "12.30"}) written as JSON writes a number (not
 * {@code "00012"}, {@code "5."}, {@code ".5"} or {@code "+5"}), never blank, never full-width
 * digits, and within the library's bounds (at most 18 digits before the point and 100 after it).
 * Text is never read from a number or a boolean ({@code "id": -7} is refused); an enum, a
 * currency, a time zone, a date or a time has no blanks around it ({@code "CNY "} is refused);
 * {@code null} is not a boolean or a whole number ({@code "buysCard": null} is refused, while a
 * field left out reads as false or 0). A byte-order mark
 * before the document is skipped. Values a message repeats are cut to their first 40 characters.
 *
 * <p>Errors name the JSON path and what was expected there, e.g.
 * {@code transaction: $.lines[0].quantity = 0: must be at least 1}.
 *
 * <p>Thread-safety: all methods are thread-safe; the mapper is configured once and shared.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class LoyaltyJson {
  /**
   * What the library reads, set so that everything it writes reads back: no amount is longer
   * than {@link Money}'s bound and no number of {@link Numbers}' bounds takes more than 64
   * characters, while a document may be large (a state, a programme with many promotions) but
   * not nested deeper than any of the library's values.
   */
  static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
      .maxNumberLength(Numbers.MAX_TEXT)
      .maxStringLength(1_000_000)
      .maxNestingDepth(64)
      .maxDocumentLength(64L * 1024 * 1024)
      .maxNameLength(1_000)
      .build();

  private static final ObjectMapper MAPPER = newMapper();
  /** A state's writer, made once; its printer makes a fresh one for each write. */
  private static final ObjectWriter STATE_WRITER = MAPPER.writer(new StatePrinter());

  private LoyaltyJson() {}

  /**
   * A new mapper configured as this class's: for hosts that embed the library's values in their
   * own documents. Each call returns an independent copy.
   */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  private static ObjectMapper newMapper() {
    SimpleModule amounts = new SimpleModule("loyalty-amounts");
    amounts.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
      @Override
      public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeString(value.toPlainString());
      }
    });
    amounts.addDeserializer(BigDecimal.class, new StrictDecimal());
    amounts.setDeserializerModifier(new StateMigration());
    // a state leaves out what reads back the same when absent: nothing refunded, revoked or
    // returned yet, a lot no longer pending
    amounts.setMixInAnnotation(io.github.loyaltyrules.model.PointsLot.class,
        StateMigration.LotDefaults.class);
    amounts.setMixInAnnotation(io.github.loyaltyrules.model.SoldLine.class,
        StateMigration.SoldLineDefaults.class);
    SimpleModule dates = new SimpleModule("loyalty-strict-dates");
    strict(dates, java.time.Instant.class, InstantDeserializer.INSTANT);
    strict(dates, java.time.LocalDate.class, LocalDateDeserializer.INSTANCE);
    strict(dates, java.time.LocalTime.class, LocalTimeDeserializer.INSTANCE);
    strict(dates, java.time.YearMonth.class, YearMonthDeserializer.INSTANCE);
    strict(dates, java.time.MonthDay.class, MonthDayDeserializer.INSTANCE);
    strict(dates, java.time.Duration.class, DurationDeserializer.INSTANCE);
    @SuppressWarnings("unchecked")
    JsonDeserializer<java.util.Currency> currency = (JsonDeserializer<java.util.Currency>)
        FromStringDeserializer.findDeserializer(java.util.Currency.class);
    strict(dates, java.util.Currency.class, currency);
    strict(dates, java.time.ZoneId.class, JSR310StringParsableDeserializer.ZONE_ID);
    dates.addDeserializer(String.class, new StrictString());
    noNull(dates, boolean.class);
    noNull(dates, int.class);
    noNull(dates, long.class);
    dates.setDeserializerModifier(new StrictEnums());
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(READ_CONSTRAINTS)
        .errorReportConfiguration(ErrorReportConfiguration.builder()
            .maxErrorTokenLength(Check.ECHO_LIMIT).maxRawContentLength(Check.ECHO_LIMIT)
            .build())
        .build();
    return JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(amounts)
        .addModule(dates)
        // strict: no float as an integer (2.999 is not 2), no number or text as an enum ("0",
        // 3), a boolean (42) or an integer ("2"), no blank or empty text as a number or a date
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // Only record components and getX() are properties: isActive(), isZero() are not.
        .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
            JsonInclude.Include.NON_EMPTY))
        .build();
  }


  private static <T> void strict(SimpleModule module, Class<T> type,
      JsonDeserializer<? extends T> delegate) {
    module.addDeserializer(type, new StrictText<>(type, delegate));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void noNull(SimpleModule module, Class<?> primitive) {
    module.addDeserializer((Class) primitive,
        new NoNull(NumberDeserializers.find(primitive, primitive.getName())));
  }

  /**
   * A boolean or whole number that a document leaves out reads as false or 0 (a state leaves out
   * what holds its default), but an explicit {@code null} is refused: {@code "buysCard": null}
   * is not a choice of false.
   */
  private static final class NoNull extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    NoNull(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new NoNull(newDelegatee);
    }

    @Override
    public @Nullable Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      throw InvalidNullException.from(ctxt, null, ctxt.constructType(handledType()));
    }

    @Override
    public @Nullable Object getAbsentValue(DeserializationContext ctxt)
        throws JsonMappingException {
      return _delegatee.getNullValue(ctxt);
    }
  }

  /**
   * Text is a JSON string: a number or boolean where text is expected is refused, not read as
   * its digits ({@code "id": -7} is not {@code "-7"}).
   */
  private static final class StrictString extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    StrictString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        return p.getText();
      }
      if (p.currentToken() != null && p.currentToken().isScalarValue()) {
        Object value = p.currentToken().isNumeric() ? p.getNumberValue() : p.getValueAsBoolean();
        String kind = p.currentToken().isNumeric() ? "a number" : "true or false";
        throw JsonMappingException.from(p, "expected text, not " + kind,
            new InvalidValueException("text", value, "expected text, not " + kind));
      }
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  }

  /**
   * An enum is its exact name: {@code "ADJUSTMENT "} is refused, where Jackson would read it
   * once trimmed.
   */
  private static final class StrictEnums extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config,
        JavaType type, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
      return new ExactName(deserializer);
    }
  }

  private static final class ExactName extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    ExactName(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new ExactName(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING) && padded(p.getText())) {
        return ctxt.handleWeirdStringValue(handledType(), p.getText(),
            "blanks around a name are not part of it");
      }
      return super.deserialize(p, ctxt);
    }
  }

  /** Whether {@code text} starts or ends with a blank (which Jackson's readers would trim). */
  private static boolean padded(String text) {
    return !text.isEmpty() && (Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1))
        || Character.isSpaceChar(text.charAt(0))
        || Character.isSpaceChar(text.charAt(text.length() - 1)));
  }

  /**
   * A date, time, duration, currency or time zone is text, exactly: never a number or an array,
   * never blank or with blanks around it ({@code "CNY "} is not CNY).
   */
  private static final class StrictText<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient JsonDeserializer<? extends T> delegate;

    StrictText(Class<T> type, JsonDeserializer<? extends T> delegate) {
      super(type);
      this.delegate = delegate;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        @SuppressWarnings("unchecked")
        T refused = (T) ctxt.handleUnexpectedToken(handledType(), p.currentToken(), p,
            "expected ISO-8601 text");
        return refused;
      }
      if (p.getText().isBlank()) {
        @SuppressWarnings("unchecked")
        T refused = (T) ctxt.handleWeirdStringValue(handledType(), p.getText(),
            "blank text is not a date or time");
        return refused;
      }
      if (padded(p.getText())) {
        @SuppressWarnings("unchecked")
        T refused = (T) ctxt.handleWeirdStringValue(handledType(), p.getText(),
            "blanks around the text are not part of it");
        return refused;
      }
      return delegate.deserialize(p, ctxt);
    }
  }

  /**
   * An amount, rate or factor: a JSON number or ASCII text such as {@code "12.30"}, within
   * {@link Numbers}' bounds; no blank, no full-width digit, no {@code 1E+999999999}.
   */
  private static final class StrictDecimal extends StdScalarDeserializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    StrictDecimal() {
      super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
          return Numbers.bounded("number", p.getDecimalValue());
        }
        if (p.hasToken(JsonToken.VALUE_STRING)) {
          return Numbers.parse("number", p.getText());
        }
      } catch (InvalidValueException e) {
        throw JsonMappingException.from(p, e.getMessage(), e);
      }
      return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
    }
  }

  public static MemberState readState(String json) {
    return read(json, MemberState.class, "member state");
  }

  /**
   * {@code value} as JSON. A member state is laid out one field per line for the state and its
   * sections and one line per record of its lists (lots, vouchers, recent sales, follow-ups);
   * anything else is indented throughout.
   */
  public static String write(Object value) {
    try {
      if (value instanceof MemberState) {
        return STATE_WRITER.writeValueAsString(value);
      }
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new LoyaltyException("could not write " + value.getClass().getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static Transaction readTransaction(String json) {
    return read(json, Transaction.class, "transaction");
  }

  public static Outcome readOutcome(String json) {
    return read(json, Outcome.class, "outcome");
  }

  /** Reads {@code json} as {@code type}; {@code what} names the document in error messages. */
  public static <T> T read(String json, Class<T> type, String what) {
    return read(json, type, what, (path, problem, cause) -> new InvalidJsonException(what, path,
        problem, cause));
  }

  /**
   * Reads {@code json} as {@code type}, turning every mapping error into the exception that
   * {@code error} makes from the JSON path and the problem. For the library's loaders.
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public static <T> T read(String json, Class<T> type, String what,
      ErrorFactory error) {
    if (json == null) {
      throw error.make("$", "is missing: expected " + expectation(type) + " as JSON text", null);
    }
    T value;
    try {
      // a byte-order mark some editors put first is not part of the document
      value = MAPPER.readValue(json.startsWith("\uFEFF") ? json.substring(1) : json, type);
    } catch (JsonProcessingException e) {
      throw translate(json, e, error);
    }
    if (value == null) {
      throw error.make("$", "is empty or null; expected " + expectation(type), null);
    }
    return value;
  }

  /** Makes the exception for a mapping error at a JSON path. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  @FunctionalInterface
  public interface ErrorFactory {
    LoyaltyException make(String path, String problem, @Nullable Throwable cause);
  }

  /** Fields whose values are personal data: never repeated in a message or a chained cause. */
  private static final java.util.Set<String> PERSONAL =
      java.util.Set.of("name", "mobile", "email", "birthDate");

  private static LoyaltyException translate(String json, JsonProcessingException e,
      ErrorFactory error) {
    if (!(e instanceof JsonMappingException m)) {
      String at = streamPath(e);
      if (e instanceof InputCoercionException ic && at != null) {
        return error.make(at, "is out of range: expected " + expectation(ic.getTargetType()),
            e);
      }
      if (e instanceof StreamConstraintsException && at != null) {
        return error.make(at, "is too long to read: " + e.getOriginalMessage(), e);
      }
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "$"
          : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      return error.make(where, "is not well-formed JSON: " + e.getOriginalMessage(), e);
    }
    String path = path(m.getPath());
    if (isPersonal(m.getPath())) {
      return error.make(path, "is not valid; expected " + (m instanceof MismatchedInputException mi
          && mi.getTargetType() != null ? expectation(mi.getTargetType()) : "a valid value")
          + " (the value is personal data and is not repeated here)", null);
    }
    if (m instanceof ValueInstantiationException vi) {
      String unknown = unknownField(json, m.getPath(), vi.getType().getRawClass());
      if (unknown != null) {
        return error.make(path + "." + Check.shorten(unknown), "is not a known field; expected one of "
            + fieldsOf(vi.getType().getRawClass()), e);
      }
    }
    if (m instanceof UnrecognizedPropertyException u) {
      return error.make(path, "is not a known field; expected one of "
          + u.getKnownPropertyIds(), e);
    }
    if (m instanceof ValueInstantiationException && m.getCause() instanceof InvalidValueException
        invalid) {
      String field = invalid.field();
      int dot = field.indexOf('.');
      String relative = dot < 0 ? "" : field.substring(dot + 1);
      // A nested value names its fields from its section (points.expiry.n) while the path
      // already ends at that section ($.points.expiry): drop the repeated name.
      String pathEnd = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*\\]$", "");
      int relDot = relative.indexOf('.');
      String relStart = (relDot < 0 ? relative : relative.substring(0, relDot))
          .replaceAll("\\[.*\\]$", "");
      if (!pathEnd.isEmpty() && !pathEnd.equals("$") && relStart.equals(pathEnd)) {
        relative = relDot < 0 ? "" : relative.substring(relDot + 1);
      }
      String at = relative.isEmpty() ? path
          : path + (relative.startsWith("[") ? "" : ".") + relative;
      return error.make(at, "= " + invalid.value() + ": " + invalid.rule(), e);
    }
    if (!(m instanceof ValueInstantiationException)
        && m.getCause() instanceof InvalidValueException invalid) {
      // a number past the library's bounds (1E+999999999)
      return error.make(path, "= " + invalid.value() + ": " + invalid.rule(), e);
    }
    if (m.getCause() instanceof InputCoercionException ic) {
      return error.make(path, "is out of range: expected " + expectation(ic.getTargetType()), e);
    }
    if (m instanceof InvalidFormatException f) {
      Class<?> target = f.getTargetType();
      String expected = target == null ? "a different value" : expectation(target);
      return error.make(path, "= " + echo(f.getValue()) + ": expected " + expected, e);
    }
    if (m instanceof InvalidNullException n && n.getTargetType() != null) {
      return error.make(path, "is null: expected " + expectation(n.getTargetType())
          + " (leave the field out for its default)", e);
    }
    if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return error.make(path, "has the wrong type: expected "
          + expectation(mi.getTargetType()), e);
    }
    return error.make(path, m.getOriginalMessage(), e);
  }

  /** A value as a message repeats it: text quoted, anything cut to its first 40 characters. */
  private static String echo(Object value) {
    String text = Check.shorten(String.valueOf(value));
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }

  /** The JSON path where the parser stopped, or null when it is not known. */
  private static @Nullable String streamPath(JsonProcessingException e) {
    if (!(e instanceof StreamReadException sre) || sre.getProcessor() == null) {
      return null;
    }
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (JsonStreamContext c = sre.getProcessor().getParsingContext(); c != null && !c.inRoot();
        c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + Check.shorten(c.getCurrentName()));
      }
    }
    return "$" + String.join("", parts);
  }

  private static String expectation(Class<?> target) {
    if (target == int.class || target == Integer.class) {
      return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (target == long.class || target == Long.class) {
      return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    if (target == boolean.class || target == Boolean.class) {
      return "true or false";
    }
    if (target.isEnum()) {
      return "one of " + List.of(target.getEnumConstants());
    }
    return switch (target.getSimpleName()) {
      case "Currency" -> "an ISO 4217 currency code such as CNY";
      case "ZoneId" -> "a time-zone id such as Asia/Shanghai";
      case "BigDecimal" -> "a decimal number such as \"12.30\"";
      case "LocalDate" -> "a date such as 2026-03-31";
      case "Instant" -> "a UTC time such as 2026-03-31T02:15:00Z";
      case "YearMonth" -> "a month such as 2026-03";
      default -> "a " + target.getSimpleName();
    };
  }

  private static boolean isPersonal(List<JsonMappingException.Reference> refs) {
    if (refs.isEmpty()) {
      return false;
    }
    JsonMappingException.Reference last = refs.get(refs.size() - 1);
    Object from = last.getFrom();
    Class<?> owner = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
    return owner == io.github.loyaltyrules.model.CustomerProfile.class
        && PERSONAL.contains(last.getFieldName());
  }

  /**
   * A record is built before Jackson reports fields it does not know, so a misspelt required
   * field first shows as a missing one. Look for the misspelling in the object being built.
   */
  private static @Nullable String unknownField(String json, List<JsonMappingException.Reference> refs,
      Class<?> type) {
    if (!type.isRecord()) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      for (JsonMappingException.Reference r : refs) {
        node = r.getIndex() >= 0 ? node.path(r.getIndex()) : node.path(r.getFieldName());
      }
      List<String> known = fieldsOf(type);
      for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!known.contains(name)) {
          return name;
        }
      }
      return null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static List<String> fieldsOf(Class<?> type) {
    return java.util.Arrays.stream(type.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName).sorted().toList();
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference r : refs) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        sb.append('.').append(Check.shorten(r.getFieldName()));
      }
    }
    return sb.toString();
  }
}
