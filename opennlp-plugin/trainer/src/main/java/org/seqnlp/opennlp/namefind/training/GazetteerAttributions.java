package org.seqnlp.opennlp.namefind.training;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributions that the licences of the name lists in {@code ../shared/data/ner-resources} require
 * of whoever redistributes them, as their {@code PROVENANCE.md} files state them, by list file name: a
 * model carries its compiled lists, so its manifest must carry these lines. Lists not named here (public
 * domain, CC0, PDDL, or lists of other origin) need none.
 */
final class GazetteerAttributions {

  private static final String GEONAMES = "GeoNames, www.geonames.org (CC BY 4.0)";
  private static final String COUNTRYINFO = "porimol/countryinfo, Copyright (c) 2018 Porimol Chandro (MIT)";
  private static final Map<String, String> BY_FILE = Map.of(
      "loc-cities.txt", GEONAMES,
      "loc-cities-altnames-latin.txt", GEONAMES,
      "loc-countries.txt", GEONAMES,
      "loc-admin1-regions.txt", GEONAMES,
      "loc-admin2-districts.txt", GEONAMES,
      "loc-country-names-and-variants.txt", COUNTRYINFO,
      "misc-demonyms.txt", COUNTRYINFO,
      "org-universities.txt", "Hipo university-domains-list, Copyright (c) 2014-2025 Hipo (MIT)",
      "org-brands-operators-latin.txt",
          "name-suggestion-index, Copyright 2026 name-suggestion-index contributors (BSD-3-Clause)",
      "misc-languages-iso639-3.txt", "SIL International, ISO 639-3 code tables, iso639-3.sil.org");

  private GazetteerAttributions() {
  }

  /** The attributions {@code files} require, each once, in the order of the files. */
  static List<String> of(List<Path> files) {
    Set<String> attributions = new LinkedHashSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String attribution = BY_FILE.get(name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name);
      if (attribution != null) {
        attributions.add(attribution);
      }
    }
    return List.copyOf(attributions);
  }
}
