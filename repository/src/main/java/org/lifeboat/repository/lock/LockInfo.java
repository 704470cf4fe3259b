package org.lifeboat.repository.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.HostIdentity;
import org.lifeboat.repository.Timestamps;

/**
 * A lock file's content ({@code internal/restic/lock.go}):
 * {@code {"time":"..","exclusive":false,"hostname":"..","username":"..","pid":1,"uid":1000,"gid":100}}.
 */
public record LockInfo(Instant time, boolean exclusive, HostIdentity holder) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LockInfo {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(holder, "holder");
    }

    /** "PID 4711 on host vm by user alice", as the user sees who holds a lock. */
    public String describeHolder() {
        return "PID " + holder.pid() + " on host " + holder.hostname() + " by user " + holder.username();
    }

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", Timestamps.format(time));
        node.put("exclusive", exclusive);
        node.put("hostname", holder.hostname());
        node.put("username", holder.username());
        node.put("pid", holder.pid());
        // Go's omitempty drops zero values.
        holder.uid().ifPresent(uid -> {
            if (uid != 0) {
                node.put("uid", uid);
            }
        });
        holder.gid().ifPresent(gid -> {
            if (gid != 0) {
                node.put("gid", gid);
            }
        });
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static LockInfo fromJson(String fileName, byte[] json) throws CorruptFileException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject() || !node.path("time").isTextual()) {
                throw new IllegalArgumentException("a lock is a JSON object with a 'time'");
            }
            HostIdentity holder = new HostIdentity(
                    node.path("hostname").asText(""),
                    node.path("username").asText(""),
                    node.path("pid").asLong(0),
                    optionalLong(node, "uid"),
                    optionalLong(node, "gid"));
            return new LockInfo(
                    Timestamps.parse(node.get("time").asText()),
                    node.path("exclusive").asBoolean(false),
                    holder);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptFileException(fileName, "invalid lock: " + e.getMessage(), e);
        }
    }

    private static OptionalLong optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }
}
