package io.github.loyaltyrules.benchmarks.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One till's keep-alive HTTP/1.1 connection for the load generator: a blocking socket, each
 * request written in one go and its answer read by its {@code Content-Length}.
 *
 * <p>Why not the JDK's {@code HttpClient}: on these two cores the load generator shares the CPU
 * with the server (and PostgreSQL), and {@code HttpClient} cost 1.6 to 2.0 ms of CPU a request,
 * as much as the server, with collector pauses of up to 31 ms that were measured as the server's
 * latency (benchmarks/RESULTS.md, "The server, fifth measurement"). This client only speaks what
 * {@code loyalty serve} answers: a status line, headers, and a body of a stated length (or
 * chunked, which it also reads); it is a measuring tool, not a general client.
 *
 * <p>Thread-safety: not thread-safe; one till (one thread) owns a connection.
 */
final class TillConnection implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 60_000;

  private final String host;
  private final int port;
  private final byte[] head;
  private @Nullable Socket socket;
  private @Nullable InputStream in;
  private @Nullable OutputStream out;
  private final ByteArrayOutputStream request = new ByteArrayOutputStream(4096);
  private final StringBuilder line = new StringBuilder(128);
  private byte[] body = new byte[8192];
  private int bodyLength;

  /** A connection to {@code base} (http only) sending {@code Bearer key}; opened when used. */
  TillConnection(URI base, String key) {
    if (!"http".equals(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("an http://HOST:PORT URL is needed, not " + base);
    }
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
    this.head = ("Host: " + host + ":" + port + "\r\nAuthorization: Bearer " + key
        + "\r\nContent-Type: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sends {@code body} to {@code path} and reads the whole answer; returns its status. On an
   * I/O error the connection is closed (the next request opens a new one) and the error thrown.
   */
  int post(String path, String json) throws IOException {
    byte[] content = json.getBytes(StandardCharsets.UTF_8);
    request.reset();
    request.write(("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
    request.write(head);
    request.write(("Content-Length: " + content.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    request.write(content);
    try {
      if (socket == null) {
        open();
      }
      OutputStream o = java.util.Objects.requireNonNull(out);
      request.writeTo(o);
      o.flush();
      return readAnswer(java.util.Objects.requireNonNull(in));
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** The last answer's body as text (for an error report). */
  String lastBody() {
    return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
  }

  private void open() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(TIMEOUT_MILLIS);
    s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16384);
    out = s.getOutputStream();
  }

  private int readAnswer(InputStream i) throws IOException {
    String status = readLine(i);
    // "HTTP/1.1 200 OK"
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new IOException("not an HTTP answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String h; !(h = readLine(i)).isEmpty(); ) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closing = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    bodyLength = 0;
    if (chunked) {
      for (int size; (size = Integer.parseInt(readLine(i).split(";", 2)[0].trim(), 16)) > 0; ) {
        readBody(i, size);
        readLine(i);
      }
      while (!readLine(i).isEmpty()) {
        // trailers
      }
    } else if (length > 0) {
      readBody(i, Math.toIntExact(length));
    } else if (length < 0 && code != 204 && code != 304) {
      throw new IOException("an answer with neither Content-Length nor chunks (status " + code
          + ")");
    }
    if (closing) {
      close();
    }
    return code;
  }

  private void readBody(InputStream i, int size) throws IOException {
    if (bodyLength + size > body.length) {
      body = java.util.Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + size));
    }
    for (int done = 0; done < size; ) {
      int r = i.read(body, bodyLength + done, size - done);
      if (r < 0) {
        throw new EOFException("the server closed the connection in an answer's body");
      }
      done += r;
    }
    bodyLength += size;
  }

  private String readLine(InputStream i) throws IOException {
    line.setLength(0);
    for (int c; (c = i.read()) != '\n'; ) {
      if (c < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    in = null;
    out = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing a connection we give up on
      }
    }
  }
}
