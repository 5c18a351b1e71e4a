package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.Target;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages that arrive before their turn wait, and leave in offset order once the gap before them closes. */
class HeldBackTest {

    private static HeldBack.Arrival arrival(String text, String epoch) {
        return new HeldBack.Arrival(new Target.Channel("room:a", null), EncodedMessage.of(text), epoch, 0);
    }

    @Test
    void onlyTheMessagesRightAfterTheTopLeaveInOrderAndThoseAlreadyDeliveredAreDropped() {
        HeldBack heldBack = new HeldBack();
        heldBack.hold(7, arrival("7", "e"));
        heldBack.hold(5, arrival("5", "e"));
        heldBack.hold(3, arrival("3", "e"));
        heldBack.hold(5, arrival("5 again", "e"));
        assertThat(heldBack.takeReady(3)).as("6 is missing").isEmpty();
        assertThat(heldBack.first()).as("3 was delivered already: dropped").isEqualTo(5);
        assertThat(heldBack.takeReady(4)).extracting(Map.Entry::getKey).containsExactly(5L);
        heldBack.hold(6, arrival("6", "e"));
        assertThat(heldBack.takeReady(5)).extracting(entry -> entry.getValue().frame().text()).containsExactly("6", "7");
        assertThat(heldBack.isEmpty()).isTrue();
    }

    @Test
    void aLoadKeepsOnlyTheArrivalsOfTheGridsEpochAndOneReadOfTheGapRunsAtATime() {
        HeldBack heldBack = new HeldBack();
        heldBack.hold(2, arrival("old", "before"));
        heldBack.hold(3, arrival("new", "now"));
        heldBack.keepOnly("now");
        assertThat(heldBack.size()).isEqualTo(1);
        assertThat(heldBack.startFilling()).isTrue();
        assertThat(heldBack.startFilling()).isFalse();
        heldBack.filled();
        assertThat(heldBack.startFilling()).isTrue();
    }
}
