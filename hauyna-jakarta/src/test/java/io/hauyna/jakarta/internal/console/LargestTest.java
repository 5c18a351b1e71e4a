package io.hauyna.jakarta.internal.console;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LargestTest {

    @Test
    void keepsTheLargestLargestFirstWhateverTheirOrder() {
        Largest<Integer> largest = new Largest<>(3, Comparator.<Integer>naturalOrder());
        IntStream.of(5, 1, 9, 7, 3, 9, 2).forEach(largest::offer);
        assertThat(largest.largestFirst()).containsExactly(9, 9, 7);
    }

    @Test
    void fewerThanTheLimitAreAllKeptAndNoneIsEmpty() {
        Largest<Integer> largest = new Largest<>(50, Comparator.<Integer>naturalOrder());
        assertThat(largest.largestFirst()).isEmpty();
        IntStream.of(2, 1).forEach(largest::offer);
        assertThat(largest.largestFirst()).containsExactly(2, 1);
    }
}
