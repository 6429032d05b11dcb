package org.yuxun.training.catalogue;

/** What completing a programme earns; certification acts on it when a learner completes (DESIGN.md). */
enum CompletionAward {
    NONE, TRAINING_CERTIFICATE, SKILL_LEVEL_CERTIFICATE
}
