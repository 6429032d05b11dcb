package org.yuxun.organization.internal;

import org.springframework.data.repository.ListCrudRepository;

interface Venues extends ListCrudRepository<Venue, Long> {
}
