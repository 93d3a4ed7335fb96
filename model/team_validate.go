package model

// validate is [Team.Validate]: the `validate` tags of Team, Unit, Member and
// Owner applied by hand, as validator/v10 and the tag engine apply them by
// reflection (validate.go), and then the struct-level rules. Reflection was
// a third of the Worker's time for a team.validate request. The tags it
// knows:
//
//	Team.Name, Team.Process       required
//	Team.TargetGroup, Team.County omitempty, then targetgroup or county
//	Team.Units, Team.Members      dive
//	Unit.ID, Unit.Name            required
//	Member.ID                     required
//	Member.Role                   required, enum
//
// TestTeamTagsAreKnown lists these tags and fails on any change to them,
// and on a struct-level rule for Unit, Member or Owner, which validate would
// not apply; TestValidateMatchesEngines holds the findings to the engines'
// on teams with every field set at random.
func (t *Team) validate(p Profile) Findings {
	var fs Findings // grown by append from a first four
	add := func(f Finding) {
		if fs == nil {
			fs = make(Findings, 0, 4)
		}
		fs = append(fs, f)
	}
	if t.Name == "" {
		add(NewError("/name", CodeRequired))
	}
	if t.Process == "" {
		add(NewError("/process", CodeRequired))
	}
	if t.TargetGroup != "" {
		if _, ok := targetGroupByCode(t.TargetGroup); !ok {
			add(unknown("/targetGroup", t.TargetGroup))
		}
	}
	if t.County != "" {
		if _, ok := countyByCode(t.County); !ok {
			add(unknown("/county", t.County))
		}
	}
	for i := range t.Units {
		u := &t.Units[i]
		if u.ID == "" {
			add(NewError(place{"units", i, "id"}.pointer(), CodeRequired))
		}
		if u.Name == "" {
			add(NewError(place{"units", i, "name"}.pointer(), CodeRequired))
		}
	}
	for i := range t.Members {
		m := &t.Members[i]
		if m.ID == "" {
			add(NewError(place{"members", i, "id"}.pointer(), CodeRequired))
		}
		switch {
		case m.Role == "":
			add(NewError(place{"members", i, "role"}.pointer(), CodeRequired))
		case !m.Role.IsValid():
			add(unknown(place{"members", i, "role"}.pointer(), string(m.Role)))
		}
	}
	var buf [8]teamFinding // room for the usual findings, on the stack
	for _, f := range t.ruleFindings(buf[:0], p) {
		f.Path = f.at.pointer()
		add(f.Finding)
	}
	if len(fs) == 0 {
		return nil
	}
	fs.Sort()
	return fs
}

// unknown is the finding of the enum, county and targetgroup tags.
func unknown(path, value string) Finding {
	f := errorWith(CodeEnumUnknown, "value", value)
	f.Path = path
	return f
}
