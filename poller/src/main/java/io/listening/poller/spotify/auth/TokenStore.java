package io.listening.poller.spotify.auth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.poller.files.AtomicFiles;
import io.listening.poller.files.AtomicFiles.Permissions;
import io.listening.poller.files.JsonFiles;
import io.listening.poller.files.MalformedJsonException;
import io.listening.poller.files.Required;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Spotify tokens of every connected user, in one file encrypted at rest. The poller, the
 * recently-played backfill, {@code poller token} and (later) the web app's "connect Spotify" flow
 * all read and write it through this class.
 *
 * <h2>File format (version 1)</h2>
 *
 * <pre>
 * bytes 0-3    ASCII "LTS1" (listening token store, version 1), also the AES-GCM associated data
 * bytes 4-15   a random 96-bit nonce, new on every write
 * bytes 16-    AES-256-GCM ciphertext of the UTF-8 JSON below, followed by the 128-bit tag
 * </pre>
 *
 * <pre>
 * {"version": 1,
 *  "users": {"alice": {"refresh_token": "…", "access_token": "…",
 *                      "access_token_expires_at": "2025-01-02T10:00:00Z",
 *                      "status": "connected", "updated_at": "2025-01-02T09:00:00Z"}}}
 * </pre>
 *
 * {@code access_token} and {@code access_token_expires_at} are {@code null} until the first
 * refresh; {@code status} is {@code connected} or {@code reconnect_needed}. The key is 32 bytes,
 * given as base64 in {@code POLLER_TOKEN_KEY}; any AES-GCM implementation can read the file with
 * it.
 *
 * <p>Every change rewrites the whole file atomically (temporary file, then rename; owner-only
 * permissions) under an exclusive lock on {@code <file>.lock}, re-reading the file under the lock
 * so two processes refreshing tokens at once do not lose each other's update. Reads take no lock.
 */
public final class TokenStore {

  private static final byte[] MAGIC = "LTS1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int VERSION = 1;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** One writer at a time within this JVM; the file lock covers other processes. */
  private static final Object WRITE_LOCK = new Object();

  private final Path file;
  private final TokenKey key;

  /** Read first, alone, so a file of another version is told apart from a broken one. */
  private record StoredVersion(Integer version) {}

  /** The plaintext: users by user id. */
  private record Stored(@Required int version, @Required Map<String, StoredUser> users) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record StoredUser(
      @Required String refreshToken,
      String accessToken,
      Instant accessTokenExpiresAt,
      @Required TokenStatus status,
      Instant updatedAt) {

    static StoredUser of(UserTokens tokens) {
      return new StoredUser(
          tokens.refreshToken(),
          tokens.accessToken(),
          tokens.accessTokenExpiresAt(),
          tokens.status(),
          tokens.updatedAt());
    }

    UserTokens tokens(String userId) {
      return new UserTokens(
          userId, refreshToken, accessToken, accessTokenExpiresAt, status, updatedAt);
    }
  }

  private TokenStore(Path file, TokenKey key) {
    this.file = file;
    this.key = key;
  }

  /**
   * Opens the store at {@code file}; a missing file is an empty store. An existing file is read
   * once, so a wrong key fails here rather than at the first poll.
   */
  public static TokenStore open(Path file, TokenKey key) {
    TokenStore store = new TokenStore(file, key);
    store.users();
    return store;
  }

  public Path file() {
    return file;
  }

  /** Every user in the store, by user id. */
  public Map<String, UserTokens> users() {
    return Collections.unmodifiableMap(read());
  }

  public Optional<UserTokens> get(String userId) {
    return Optional.ofNullable(read().get(userId));
  }

  /** Adds or replaces a user's entry. */
  public void put(UserTokens tokens) {
    modify(
        users -> {
          users.put(tokens.userId(), tokens);
          return tokens;
        });
  }

  /**
   * Changes a user's entry from its current stored value.
   *
   * @throws IllegalArgumentException when the user is not in the store
   */
  public UserTokens update(String userId, UnaryOperator<UserTokens> change) {
    return modify(
        users -> {
          UserTokens current = users.get(userId);
          if (current == null) {
            throw new IllegalArgumentException("no Spotify tokens stored for user " + userId);
          }
          UserTokens changed = change.apply(current);
          users.put(userId, changed);
          return changed;
        });
  }

  /** Removes a user; returns whether they were there. */
  public boolean remove(String userId) {
    return modify(users -> users.remove(userId) != null);
  }

  private <T> T modify(Function<Map<String, UserTokens>, T> change) {
    synchronized (WRITE_LOCK) {
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = channel.lock()) {
          Map<String, UserTokens> users = read();
          T result = change.apply(users);
          AtomicFiles.write(file, encrypt(encode(users)), Permissions.OWNER_ONLY);
          return result;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not update the token store " + file, e);
      }
    }
  }

  private Map<String, UserTokens> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the token store " + file, e);
    }
    return decode(decrypt(bytes));
  }

  private byte[] encrypt(byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(MAGIC);
      byte[] ciphertext = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + ciphertext.length)
          .put(MAGIC)
          .put(nonce)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private byte[] decrypt(byte[] bytes) {
    if (bytes.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalStateException(
          file + " is not a token store (it does not start with " + new String(MAGIC) + ")");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(TAG_BITS, bytes, MAGIC.length, NONCE_BYTES));
      cipher.updateAAD(MAGIC);
      int offset = MAGIC.length + NONCE_BYTES;
      return cipher.doFinal(bytes, offset, bytes.length - offset);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "Cannot decrypt the token store "
              + file
              + ": "
              + key.source()
              + " is not the key it was written with, or the file was altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
    }
  }

  private static byte[] encode(Map<String, UserTokens> users) {
    Map<String, StoredUser> stored = new TreeMap<>();
    users.forEach((userId, tokens) -> stored.put(userId, StoredUser.of(tokens)));
    return JsonFiles.encode(new Stored(VERSION, stored));
  }

  /** Messages name the field at fault but never quote the plaintext, which holds tokens. */
  private Map<String, UserTokens> decode(byte[] plaintext) {
    try {
      Integer version = JsonFiles.decode(plaintext, StoredVersion.class).version();
      if (version == null) {
        throw broken("it has no version");
      }
      if (version != VERSION) {
        throw new IllegalStateException(
            file + " has token store version " + version + "; this program reads " + VERSION);
      }
      Map<String, UserTokens> users = new TreeMap<>();
      for (Map.Entry<String, StoredUser> entry :
          JsonFiles.decode(plaintext, Stored.class).users().entrySet()) {
        try {
          users.put(entry.getKey(), entry.getValue().tokens(entry.getKey()));
        } catch (IllegalArgumentException e) {
          throw broken("user " + entry.getKey() + ": " + e.getMessage());
        }
      }
      return users;
    } catch (MalformedJsonException e) {
      // Without the cause: Jackson's own messages may quote a token.
      throw broken(e.getMessage());
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private IllegalStateException broken(String problem) {
    return new IllegalStateException(file + " decrypts but its content is broken: " + problem);
  }
}
