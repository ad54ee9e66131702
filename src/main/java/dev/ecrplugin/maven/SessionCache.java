package dev.ecrplugin.maven;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Values shared by every goal and module of one Maven session (AWS clients, docker logins), kept in the session's
 * own data, never in static state. Safe under parallel builds ({@code -T}).
 */
final class SessionCache {

    /** One map per loaded copy of this class: another version of the plugin in the same build shares nothing. */
    private static final String KEY = SessionCache.class.getName() + "@" + System.identityHashCode(SessionCache.class);

    private final Map<String, Map<Object, Object>> maps;

    private SessionCache(Map<String, Map<Object, Object>> maps) {
        this.maps = maps;
    }

    /** The cache of this session; empty where there is no session to keep it in (unit tests). */
    @SuppressWarnings("unchecked")
    static Optional<SessionCache> of(MavenSession session) {
        RepositorySystemSession repoSession = session == null ? null : session.getRepositorySession();
        if (repoSession == null || repoSession.getData() == null) {
            return Optional.empty();
        }
        Object maps = repoSession.getData().computeIfAbsent(KEY, ConcurrentHashMap::new);
        return Optional.of(new SessionCache((Map<String, Map<Object, Object>>) maps));
    }

    /** The value for {@code key} in the map named {@code name}, computed once per session. */
    @SuppressWarnings("unchecked")
    <K, V> V computeIfAbsent(String name, K key, Function<K, V> compute) {
        return (V) maps.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> compute.apply((K) k));
    }
}
