package io.hauyna.jakarta.internal.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;

import java.util.Comparator;
import java.util.List;

/** Orders the application's SPI beans (resolvers, filters, interceptors) by their {@code @Priority}, ascending. */
public final class PriorityOrder {

    private PriorityOrder() {
    }

    /**
     * @param beans    every bean of one SPI type
     * @param fallback the priority of a bean without {@code @Priority}
     * @return their handles, lowest priority first; ties keep the container's order
     */
    public static <T> List<? extends Instance.Handle<T>> sorted(Instance<T> beans, int fallback) {
        return beans.handlesStream()
                .sorted(Comparator.comparingInt(handle -> priorityOf(handle.getBean().getBeanClass(), fallback)))
                .toList();
    }

    private static int priorityOf(Class<?> type, int fallback) {
        Priority priority = type.getAnnotation(Priority.class);
        return priority == null ? fallback : priority.value();
    }
}
