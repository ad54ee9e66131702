package dev.ecrplugin.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;

/**
 * A fake AWS SDK client (EcrClient, IamClient, ...) for unit tests: each operation answers as stubbed with
 * {@link #on}, the SDK's own default methods (consumer-builder overloads, paginators) run as they are, and any
 * other call fails the test. {@link #calls()} lists the operations called, in order, with their requests, and which
 * of the fake's clients got each ({@link #client(String)}: two clients of one service, as IAM's with and without
 * retries, share the stubs and the list).
 */
public final class FakeClient<C> {

    /**
     * One operation the code under test called.
     *
     * @param via the name of the client it went through ({@link #client(String)}), or null for {@link #client()}
     */
    public record Call(String operation, SdkRequest request, String via) {}

    private final Class<C> type;
    private final Map<String, Function<SdkRequest, Object>> answers = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    private FakeClient(Class<C> type) {
        this.type = type;
    }

    public static <C> FakeClient<C> of(Class<C> type) {
        return new FakeClient<>(type);
    }

    /** Stubs an operation (e.g. "getUser"); the answer may be a response, or a RuntimeException to throw. */
    @SuppressWarnings("unchecked")
    public <Q extends SdkRequest> FakeClient<C> on(String operation, Function<Q, Object> answer) {
        answers.put(operation, request -> answer.apply((Q) request));
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The names of the operations called, in order. */
    public List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    public C client() {
        return client(null);
    }

    /** Another client of this fake: its calls are listed with {@code via}. */
    public C client(String via) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (args != null && args.length == 1 && args[0] instanceof SdkRequest request
                    && answers.containsKey(name)) {
                calls.add(new Call(name, request, via));
                Object answer = answers.get(name).apply(request);
                if (answer instanceof RuntimeException e) {
                    throw e;
                }
                return answer;
            }
            if (name.endsWith("Paginator") && args != null && args.length == 1 && args[0] instanceof SdkRequest) {
                return paginator(proxy, name, args[0]);
            }
            if (method.isDefault() && !(args != null && args.length == 1 && args[0] instanceof SdkRequest)) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            switch (name) {
                case "close":
                    return null;
                case "toString":
                    return "fake " + type.getSimpleName() + (via == null ? "" : " (" + via + ")");
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new AssertionError("unexpected call " + name + (args == null ? "" : " " + List.of(args)));
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** What the real client's xxxPaginator(request) gives: the SDK's own Iterable, paging over this fake. */
    private Object paginator(Object proxy, String name, Object request) throws ReflectiveOperationException {
        String operation = name.substring(0, name.length() - "Paginator".length());
        String iterable = type.getPackageName() + ".paginators." + Character.toUpperCase(operation.charAt(0))
                + operation.substring(1) + "Iterable";
        return Class.forName(iterable, true, type.getClassLoader()).getConstructor(type, request.getClass())
                .newInstance(proxy, request);
    }
}
