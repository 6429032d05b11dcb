package org.yuxun.organization;

/** 教育行政部门 or 人力资源社会保障部门. */
public enum AuthorityKind {
    EDUCATION,
    HUMAN_RESOURCES
}
