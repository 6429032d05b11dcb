package org.yuxun.portal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.identity.CurrentUser;
import org.yuxun.identity.Permission;

/**
 * The figures on each role's home page. Every count runs in the user's data scope, so an institution user counts
 * their institution's records and a provincial officer the province's.
 */
@Service
class Dashboards {

    /** One figure with the page it leads to. */
    record Tile(String labelKey, long value, String link, String icon) {
    }

    private final JdbcClient jdbc;

    Dashboards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Tile> tilesFor(CurrentUser user) {
        List<Tile> tiles = new ArrayList<>();
        if (user.can(Permission.INSTITUTION_VIEW)) {
            tiles.add(new Tile("home.tile.institutions", count("institution"), "/institutions", "bi-building"));
        }
        if (user.can(Permission.ENTERPRISE_VIEW)) {
            tiles.add(new Tile("home.tile.enterprises", count("enterprise"), "/enterprises", "bi-briefcase"));
        }
        if (user.can(Permission.PERSON_VIEW)) {
            tiles.add(new Tile("home.tile.persons", count("person"), "/persons", "bi-people"));
        }
        if (user.can(Permission.VENUE_VIEW)) {
            tiles.add(new Tile("home.tile.venues", count("venue"), "/venues", "bi-geo-alt"));
        }
        if (user.can(Permission.USER_VIEW)) {
            tiles.add(new Tile("home.tile.users", count("app_user"), "/users", "bi-person-badge"));
        }
        return tiles;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
