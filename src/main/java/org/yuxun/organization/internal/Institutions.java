package org.yuxun.organization.internal;

import org.springframework.data.repository.ListCrudRepository;

interface Institutions extends ListCrudRepository<Institution, Long> {
}
