package org.yuxun.organization.internal;

import org.springframework.data.repository.ListCrudRepository;

interface Enterprises extends ListCrudRepository<Enterprise, Long> {
}
