package org.yuxun.training.assessment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yuxun.training.EnrolmentCompleted;

/**
 * A consumer of {@link EnrolmentCompleted} in the test application, standing in for certificates, the credit bank
 * and subsidies until they exist: Spring Modulith stores a publication only for events someone listens to, and the
 * tests read the stored publications.
 */
@Component
class EnrolmentCompletedProbe {

    final List<EnrolmentCompleted> received = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(EnrolmentCompleted event) {
        received.add(event);
    }
}
