package io.hauyna.jakarta.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.instance.BuildInfoProvider;
import com.hazelcast.topic.ITopic;
import io.hauyna.jakarta.spi.Backplane;
import io.hauyna.jakarta.spi.BackplaneContext;
import io.hauyna.jakarta.spi.SharedHistory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Hauyna's backplane on Hazelcast: one {@link ITopic} of {@code byte[]} per application, which
 * Hazelcast delivers in each publishing member's order, plus Hazelcast's membership events as hints,
 * and the histories of history channels in the grid ({@link HazelcastHistory}).
 * Present in the WAR, it replaces the local backplane as an enabled alternative.
 *
 * @since 0.2
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class HazelcastBackplane implements Backplane {

    private final HazelcastHistory history = new HazelcastHistory();
    private Grid grid;
    private ITopic<byte[]> topic;
    private UUID messages;
    private UUID members;
    private UUID lifecycle;
    private String description;

    @Override
    public void start(BackplaneContext context) {
        HazelcastSettings settings = HazelcastSettings.read(context);
        grid = Grid.open(settings);
        topic = grid.instance().getTopic("hauyna:" + context.application());
        messages = topic.addMessageListener(message -> {
            Member publisher = message.getPublishingMember();
            if (publisher == null || !publisher.localMember()) {
                context.received(message.getMessageObject());
            }
        });
        members = grid.instance().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                context.membersChanged();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                context.membersChanged();
            }
        });
        lifecycle = grid.instance().getLifecycleService().addLifecycleListener(event -> {
            // A merge, or a client back in touch: the others may have forgotten this node.
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED || event.getState() == LifecycleEvent.LifecycleState.CLIENT_CONNECTED) {
                context.membersChanged();
            }
        });
        history.start(grid.instance(), context.application());
        description = "Hazelcast " + BuildInfoProvider.getBuildInfo().getVersion() + ", " + grid.origin()
                + (grid.client() ? "" : " " + grid.instance().getCluster().getLocalMember().getAddress())
                + ", members now "
                + grid.instance().getCluster().getMembers().stream().map(member -> member.getAddress().toString())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void publish(byte[] frame) {
        topic.publish(frame);
    }

    @Override
    public void stop() {
        if (grid == null) {
            return;
        }
        try {
            history.stop();
            if (grid.instance().getLifecycleService().isRunning()) {
                topic.removeMessageListener(messages);
                grid.instance().getCluster().removeMembershipListener(members);
                grid.instance().getLifecycleService().removeLifecycleListener(lifecycle);
            }
        } finally {
            grid.release();
            grid = null;
        }
    }

    /** @return the histories in the grid: a ring per history channel ({@link HazelcastHistory}) */
    @Override
    public Optional<SharedHistory> sharedHistory() {
        return Optional.of(history);
    }

    @Override
    public String describe() {
        return description == null ? "Hazelcast, not started" : description;
    }
}
