package org.yuxun.people.web;

import org.yuxun.people.EditPerson;
import org.yuxun.people.PersonView;

/**
 * The edit form: the phone field starts empty, since the full number is never sent to a page. The check boxes are
 * {@link Boolean}: an unticked box sends nothing, which is {@code null}, read as no.
 */
record PersonEditForm(String name, Boolean confirmNameChange, String phone, Boolean removePhone, Integer version) {

    static PersonEditForm of(PersonView person) {
        return new PersonEditForm(person.name(), false, "", false, person.version());
    }

    EditPerson command() {
        return new EditPerson(name, Boolean.TRUE.equals(confirmNameChange), phone, Boolean.TRUE.equals(removePhone), version);
    }

    @Override
    public String toString() {
        return "PersonEditForm[version=" + version + "]";
    }
}
