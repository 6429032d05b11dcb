package org.yuxun.training.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProgrammeTest {

    private final Programme draft = new Programme(1, "测试", ProgrammeStatus.DRAFT, 0);

    @Test
    void goesFromDraftThroughApprovalToPublishedAndRetired() {
        Programme published = draft.submit().approve().publish();
        assertThat(published.status()).isEqualTo(ProgrammeStatus.PUBLISHED);
        assertThat(published.runnable()).isTrue();
        assertThat(published.retire().status()).isEqualTo(ProgrammeStatus.RETIRED);
    }

    @Test
    void aSubmittedProgrammeCanBeReturnedToDraftForChanges() {
        assertThat(draft.submit().returnToDraft().status()).isEqualTo(ProgrammeStatus.DRAFT);
    }

    @Test
    void refusesToPublishWhatTheInstitutionHasNotApproved() {
        assertThatThrownBy(draft::publish).isInstanceOf(Programme.TransitionRefused.class)
                .hasMessage("只有审核通过的项目可以发布");
        assertThatThrownBy(() -> draft.submit().publish()).isInstanceOf(Programme.TransitionRefused.class);
    }

    @Test
    void refusesToApproveADraftOrSubmitTwice() {
        assertThatThrownBy(draft::approve).isInstanceOf(Programme.TransitionRefused.class);
        assertThatThrownBy(() -> draft.submit().submit()).isInstanceOf(Programme.TransitionRefused.class);
    }

    @Test
    void onlyADraftMayBeEdited() {
        draft.requireEditable();
        assertThatThrownBy(() -> draft.submit().requireEditable()).isInstanceOf(Programme.TransitionRefused.class);
        assertThat(draft.runnable()).isFalse();
    }

    @Test
    void aRetiredProgrammeStaysRetired() {
        Programme retired = draft.submit().approve().retire();
        assertThatThrownBy(retired::publish).isInstanceOf(Programme.TransitionRefused.class);
        assertThatThrownBy(retired::retire).isInstanceOf(Programme.TransitionRefused.class);
    }
}
