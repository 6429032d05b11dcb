package org.yuxun.organization.internal;

import org.springframework.data.repository.ListCrudRepository;

interface Authorities extends ListCrudRepository<Authority, Long> {
}
