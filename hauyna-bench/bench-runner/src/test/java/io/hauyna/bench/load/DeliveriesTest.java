package io.hauyna.bench.load;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed run says it missed: enough to tell a late subscription from a connection whose writes stopped. */
class DeliveriesTest {

    @Test
    void namesTheFirstMissingDeliveriesSlotBySlot() {
        BitSet[] seen = new BitSet[3];
        seen[0] = new BitSet();
        seen[0].set(0, 4);                 // slot 0 got everything
        seen[1] = new BitSet();
        seen[1].set(1, 4);                 // slot 1 subscribed too late for message 0
        seen[2] = new BitSet();
        seen[2].set(0, 2);                 // slot 2's writes stopped after message 1

        assertThat(Deliveries.missing(seen, 4, Deliveries.Addressing.everyone(3), 8))
                .containsExactly("slot 1: message 0", "slot 2: message 2", "slot 2: message 3");
        assertThat(Deliveries.missing(seen, 4, Deliveries.Addressing.everyone(3), 2))
                .as("at most the limit").containsExactly("slot 1: message 0", "slot 2: message 2");
    }

    @Test
    void aSlotThatGotNothingAndMessagesNotAddressedToASlot() {
        BitSet[] seen = new BitSet[2];      // slot 0 got nothing at all: its set was never created
        seen[1] = new BitSet();
        Deliveries.Addressing onlySlotZero = new Deliveries.Addressing() {
            @Override
            public int recipients(int message) {
                return 1;
            }

            @Override
            public boolean addressedTo(int message, int slot) {
                return slot == 0;
            }
        };

        assertThat(Deliveries.missing(seen, 2, onlySlotZero, 8)).containsExactly("slot 0: message 0", "slot 0: message 1");
    }
}
