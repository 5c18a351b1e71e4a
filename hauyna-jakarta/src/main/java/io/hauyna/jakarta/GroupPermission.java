package io.hauyna.jakarta;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a group role allows its holders to do over the protocol. Roles get permissions from
 * {@link HauynaConfigKeys#GROUPS_PERMISSIONS_PREFIX}{@code <role>}; receiving group messages needs
 * no permission, only membership. Server code ({@link Connections}) is not limited by permissions.
 *
 * @since 0.1
 */
public enum GroupPermission {

    /** Send a {@code group_message} to the group. */
    GROUP_MESSAGE("group_message"),
    /** Remove another member from the group with a {@code group_kick} frame. */
    GROUP_KICK("group_kick");

    private final String wireName;

    GroupPermission(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name used in configuration and error details, e.g. {@code group_message} */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName a permission's wire name, in any case
     * @return the permission
     * @throws IllegalArgumentException listing the valid names when there is no such permission
     */
    public static GroupPermission fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(permission -> permission.wireName.equals(wireName.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown group permission '" + wireName + "': use "
                        + Arrays.stream(values()).map(GroupPermission::wireName).collect(Collectors.joining(", ")) + " or none"));
    }
}
