package dev.ecrplugin.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The SDK's {@link JsonNode} as the policy checks read it, and as plain Java values that compare as JSON means them
 * (to tell whether two documents say the same): an object as a map (the order of its members ignored), an array as a
 * list, a string as itself, a number as a {@link Num}, true and false as {@link Boolean}, null as {@link Null#NULL}.
 */
final class JsonValues {

    /** JSON's null. */
    enum Null { NULL }

    /**
     * A number by value: an integer literal (no fraction, no exponent) by its integer value, any other by its value as
     * a double, and the two never equal ({@code 1} and {@code 1.0} differ, {@code 1.5} and {@code 1.50} do not).
     */
    record Num(boolean integral, String value) {

        static Num of(String literal) {
            return integralLiteral(literal) ? new Num(true, new BigInteger(literal).toString())
                    : new Num(false, Double.toString(Double.parseDouble(literal)));
        }

        /** As {@link #of(String)}, but a whole number however written ({@code 14}, {@code 14.0}, {@code 1.4e1}). */
        static Num whole(String literal) {
            if (integralLiteral(literal)) {
                return of(literal);
            }
            double value = Double.parseDouble(literal);
            if (!Double.isInfinite(value) && value == Math.rint(value)) {
                return new Num(true, new BigDecimal(value).toBigInteger().toString());
            }
            return new Num(false, Double.toString(value));
        }

        /** True for a JSON number written without fraction and exponent, as {@code -12}. */
        static boolean integralLiteral(String literal) {
            return literal.chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E');
        }
    }

    private JsonValues() {}

    /** The items of an array, or the value itself as a list of one. */
    static List<JsonNode> asList(JsonNode node) {
        return node.isArray() ? node.asArray() : List.of(node);
    }

    /** {@code node} as plain Java values, numbers by {@link Num#of(String)}. */
    static Object of(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            node.asObject().forEach((name, value) -> members.put(name, of(value)));
            return members;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.asArray().forEach(item -> items.add(of(item)));
            return items;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return Num.of(node.asNumber());
        }
        return node.isBoolean() ? (Object) node.asBoolean() : Null.NULL;
    }
}
