package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.HauynaConfigKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link HauynaConfigKeys#CHANNELS_PRIVATE} rules: a channel that matches a pattern belongs to
 * the connections whose identifier ({@code {id}}) and path parameters ({@code {name}}) are the
 * channel's.
 */
public final class PrivateChannels {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
    static final String IDENTIFIER = "id";

    private final List<Rule> rules;

    private record Rule(String pattern, Pattern regex, List<String> variables) {
    }

    private PrivateChannels(List<Rule> rules) {
        this.rules = rules;
    }

    /** @throws IllegalArgumentException naming a pattern without variables */
    public static PrivateChannels of(List<String> patterns) {
        List<Rule> rules = new ArrayList<>();
        for (String pattern : patterns) {
            Matcher variable = VARIABLE.matcher(pattern);
            StringBuilder regex = new StringBuilder();
            List<String> variables = new ArrayList<>();
            int last = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(pattern.substring(last, variable.start()))).append("(.+?)");
                variables.add(variable.group(1));
                last = variable.end();
            }
            if (variables.isEmpty()) {
                throw new IllegalArgumentException(HauynaConfigKeys.CHANNELS_PRIVATE + ": pattern '" + pattern
                        + "' has no {variable}; write e.g. notifications:{id}");
            }
            regex.append(Pattern.quote(pattern.substring(last)));
            rules.add(new Rule(pattern, Pattern.compile(regex.toString()), List.copyOf(variables)));
        }
        return new PrivateChannels(List.copyOf(rules));
    }

    /** @return why the connection may not use the channel, or empty when no rule forbids it */
    public Optional<String> refusal(Connection connection, String channel) {
        for (Rule rule : rules) {
            Matcher match = rule.regex().matcher(channel);
            if (!match.matches()) {
                continue;
            }
            for (int i = 0; i < rule.variables().size(); i++) {
                String variable = rule.variables().get(i);
                String own = IDENTIFIER.equals(variable) ? connection.identifier() : connection.pathParameters().get(variable);
                if (!match.group(i + 1).equals(own)) {
                    return Optional.of("Channel '" + channel + "' is private (" + rule.pattern() + ")"
                            + (IDENTIFIER.equals(variable) ? ": only its owner may use it" : ": open it from its own route"));
                }
            }
        }
        return Optional.empty();
    }
}
